package io.msqbeam.translator.planner;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.InputNumberDataSource;
import io.msqbeam.translator.plan.InputSpec;
import io.msqbeam.translator.plan.JoinDataSource;
import io.msqbeam.translator.plan.JoinType;
import io.msqbeam.translator.plan.QuerySegmentSpec;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.ScanQuery;
import io.msqbeam.translator.plan.ShuffleSpec;
import io.msqbeam.translator.plan.SortMergeJoinProcessor;
import io.msqbeam.translator.plan.StageInputSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Plans a JOIN as Druid's MSQ does, by {@code sqlJoinAlgorithm}:
 * <ul>
 *   <li>{@code broadcast} (the default): a join data source read by the stage of the query level
 *       above; the right side is a broadcast input (held in memory by every worker, bounded), the left
 *       side streams. Joins nest on the left within the same stage.
 *   <li>{@code sortMerge}: each side is hash-partitioned by its key columns by the stage that produces
 *       it, and a {@code sortMergeJoin} stage joins them one key at a time; the level above reads its
 *       output. Druid uses it only when the condition is an AND of column equalities; otherwise the join
 *       is broadcast.
 * </ul>
 * RIGHT and FULL joins always take the sort-merge path: a broadcast join streams the left side in
 * parts and cannot tell which right rows no part matched, so each unmatched right row comes out once
 * only after a shuffle. The joined columns are the left's, then the right's with a prefix ({@code j0.},
 * or {@code _j0.} … when the left already has such names).
 */
final class JoinPlanner {
  private final StageGraphBuilder builder;

  JoinPlanner(StageGraphBuilder builder) {
    this.builder = builder;
  }

  StageGraphBuilder.Source source(Join join) {
    JoinType type = joinType(join);
    JoinCondition condition = JoinCondition.of(join.getCondition(), join.getLeft().getRowType().getFieldCount());
    condition.checkSupported(type);
    boolean sortMergeRequested = "sortMerge".equals(String.valueOf(builder.nativeContext().get("sqlJoinAlgorithm")));
    boolean sortMerge = condition.isColumnEqualities()
        && (sortMergeRequested || type.keepsUnmatchedRight());
    if (type.keepsUnmatchedRight() && !sortMerge) {
      throw Unplannable.because("SQL requires a " + type + " join whose condition is an AND of column equalities");
    }
    return sortMerge ? sortMerge(join, type, condition) : broadcast(join, type);
  }

  private StageGraphBuilder.Source broadcast(Join join, JoinType type) {
    StageGraphBuilder.Source left = builder.joinLeft(join.getLeft());
    StageGraphBuilder.Source right = builder.singleInput(join.getRight());
    String prefix = prefix(left.columns());
    List<String> columns = joinedColumns(left.columns(), right.columns(), prefix);
    String condition = druidCondition(join, columns);
    List<InputSpec> inputs = new ArrayList<>(left.inputs());
    int rightInput = inputs.size();
    inputs.add(right.inputs().get(0));
    List<Integer> broadcast = new ArrayList<>(left.broadcast());
    broadcast.add(rightInput);
    JoinDataSource dataSource = new JoinDataSource(left.dataSource(), new InputNumberDataSource(rightInput), prefix,
        condition, type);
    return new StageGraphBuilder.Source(inputs, broadcast, dataSource, columns);
  }

  private StageGraphBuilder.Source sortMerge(Join join, JoinType type, JoinCondition condition) {
    InputSpec left = partitionedByKey(builder.singleInput(join.getLeft()), condition.leftKeys());
    List<String> leftColumns = columnsOf(left);
    InputSpec right = partitionedByKey(builder.singleInput(join.getRight()), condition.rightKeys());
    List<String> rightColumns = columnsOf(right);
    String prefix = prefix(leftColumns);
    List<String> columns = joinedColumns(leftColumns, rightColumns, prefix);
    List<ColumnSignature> signature = new ArrayList<>(builder.signatureOf(left));
    for (ColumnSignature column : builder.signatureOf(right)) {
      signature.add(new ColumnSignature(prefix + column.name(), column.type()));
    }
    builder.addStage(List.of(left, right), new SortMergeJoinProcessor(prefix, druidCondition(join, columns), type),
        signature, null, builder.workers());
    return StageGraphBuilder.Source.single(new StageInputSpec(builder.nextStageNumber() - 1), columns);
  }

  /**
   * A sort-merge join's input: the side's final stage, hash-partitioned by the key columns (a table
   * read directly first gets a scan stage of its own to do that).
   */
  private InputSpec partitionedByKey(StageGraphBuilder.Source side, List<Integer> keyFields) {
    InputSpec input = side.inputs().get(0);
    if (!(input instanceof StageInputSpec)) {
      List<ColumnSignature> signature = builder.signatureOf(input).stream()
          .filter(c -> side.columns().contains(c.name())).toList();
      ScanQuery scan = new ScanQuery(new InputNumberDataSource(0), QuerySegmentSpec.eternity(), List.of(), null,
          signature.stream().map(ColumnSignature::name).toList(), signature.stream().map(ColumnSignature::type).toList(),
          builder.nativeContext());
      builder.addStage(List.of(input), new ScanProcessor(scan), signature, null, builder.workers());
    }
    List<ShuffleSpec.KeyColumn> key = keyFields.stream()
        .map(f -> new ShuffleSpec.KeyColumn(side.columns().get(f), ShuffleSpec.Order.ASCENDING)).toList();
    builder.reshuffleLast(ShuffleSpec.hash(new ShuffleSpec.ClusterBy(key, 0), builder.workers()));
    return new StageInputSpec(builder.nextStageNumber() - 1);
  }

  /** The columns of a planned side, in the order of the relation's fields (a stage's signature order). */
  private List<String> columnsOf(InputSpec input) {
    return builder.signatureOf(input).stream().map(ColumnSignature::name).toList();
  }

  private String druidCondition(Join join, List<String> joinedColumns) {
    RexNode condition = join.getCondition();
    if (condition.isAlwaysTrue()) {
      return "1";
    }
    return builder.expressions(joinedColumns).toDruid(condition);
  }

  private static List<String> joinedColumns(List<String> left, List<String> right, String prefix) {
    List<String> columns = new ArrayList<>(left);
    right.forEach(c -> columns.add(prefix + c));
    return columns;
  }

  private static String prefix(List<String> leftColumns) {
    String prefix = "j0.";
    while (true) {
      String candidate = prefix;
      if (leftColumns.stream().noneMatch(c -> c.startsWith(candidate))) {
        return prefix;
      }
      prefix = "_" + prefix;
    }
  }

  private static JoinType joinType(Join join) {
    return switch (join.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      default -> throw Unplannable.because("SQL requires a join of type [" + join.getJoinType()
          + "] that is not supported.");
    };
  }

  /** A join condition split as Druid's planner splits it: column equalities, and everything else. */
  record JoinCondition(List<Integer> leftKeys, List<Integer> rightKeys, List<RexNode> others) {
    static JoinCondition of(RexNode condition, int leftFieldCount) {
      List<Integer> leftKeys = new ArrayList<>();
      List<Integer> rightKeys = new ArrayList<>();
      List<RexNode> others = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
        if (conjunct instanceof RexLiteral literal && literal.isAlwaysTrue()) {
          continue;
        }
        if (conjunct.getKind() == SqlKind.EQUALS && conjunct instanceof RexCall call
            && call.getOperands().get(0) instanceof RexInputRef a && call.getOperands().get(1) instanceof RexInputRef b) {
          int first = Math.min(a.getIndex(), b.getIndex());
          int second = Math.max(a.getIndex(), b.getIndex());
          if (first < leftFieldCount && second >= leftFieldCount) {
            leftKeys.add(first);
            rightKeys.add(second - leftFieldCount);
            continue;
          }
        }
        others.add(conjunct);
      }
      return new JoinCondition(leftKeys, rightKeys, others);
    }

    /** Whether the condition is a non-empty AND of equalities of a left and a right column. */
    boolean isColumnEqualities() {
      return !leftKeys.isEmpty() && others.isEmpty();
    }

    /**
     * Druid's refusal of conditions it cannot run: any conjunct other than an equality, except in an
     * INNER join (where Druid evaluates it on each joined row, as a filter would).
     */
    void checkSupported(JoinType type) {
      for (RexNode other : others) {
        if (type != JoinType.INNER && (other.getKind() != SqlKind.EQUALS || !RexUtil.isDeterministic(other))) {
          throw Unplannable.because("SQL requires a join with '" + other.getKind() + "' condition that is not supported.");
        }
      }
    }
  }
}
