package io.msqbeam.translator.planner;

import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InlineInputSource;
import io.msqbeam.translator.plan.JsonInputFormat;
import io.msqbeam.translator.plan.UnnestDataSource;
import io.msqbeam.translator.plan.VirtualColumn;
import io.msqbeam.translator.sql.DruidTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Plans UNNEST as Druid's MSQ does, as an {@code unnest} data source read by the stage of the query
 * level above: {@code … CROSS JOIN UNNEST(expr) AS t(col)} (Calcite's Correlate of the left relation
 * with an Uncollect of an expression over the left row) unnests over the left relation's rows;
 * {@code FROM UNNEST(ARRAY[…])} unnests over one row with no columns.
 */
final class UnnestPlanner {
  /** One row with no columns, the base of an UNNEST that reads no table. */
  private static final ExternalInputSpec ONE_ROW =
      new ExternalInputSpec(new InlineInputSource("{}"), new JsonInputFormat(), List.of());

  private final StageGraphBuilder builder;

  UnnestPlanner(StageGraphBuilder builder) {
    this.builder = builder;
  }

  /** Whether {@code rel} is a relation this planner reads: an UNNEST, alone or joined to a relation. */
  static boolean isUnnest(RelNode rel) {
    if (rel instanceof Correlate correlate) {
      return uncollect(correlate.getRight()) != null;
    }
    return uncollect(rel) != null;
  }

  StageGraphBuilder.Source source(RelNode rel) {
    if (rel instanceof Correlate correlate) {
      if (correlate.getJoinType() != JoinRelType.INNER) {
        throw Unplannable.because("SQL requires an UNNEST joined with [" + correlate.getJoinType()
            + "] that is not supported.");
      }
      StageGraphBuilder.Source left = builder.joinLeft(correlate.getLeft());
      RexNode array = arrayExpression(uncollect(correlate.getRight()));
      RexNode overLeft = array.accept(new CorrelationToInputRef(correlate.getCorrelationId(),
          correlate.getLeft()));
      return unnested(left, overLeft);
    }
    StageGraphBuilder.Source oneRow = StageGraphBuilder.Source.single(ONE_ROW, List.of());
    return unnested(oneRow, arrayExpression(uncollect(rel)));
  }

  private StageGraphBuilder.Source unnested(StageGraphBuilder.Source base, RexNode array) {
    String name = outputName(base.columns());
    if (array instanceof RexCall call && call.getOperator().getName().equalsIgnoreCase("MV_TO_ARRAY")
        && call.getOperands().get(0) instanceof RexInputRef ref) {
      // As Druid's planner does: MV_TO_ARRAY of a column unnests the multi-value string itself, so a row
      // without values gives one null, as grouping on it does.
      return withUnnest(base, new VirtualColumn(name, DruidExpressions.identifier(base.columns().get(ref.getIndex())),
          ColumnType.STRING));
    }
    ColumnType type = DruidTypes.nativeType(array.getType(), name);
    if (!type.isArray()) {
      throw Unplannable.because("UNNEST requires an array, not [" + type + "]; use MV_TO_ARRAY for a multi-value"
          + " string");
    }
    String expression = builder.expressions(base.columns()).toDruid(array);
    return withUnnest(base, new VirtualColumn(name, expression, type));
  }

  private static StageGraphBuilder.Source withUnnest(StageGraphBuilder.Source base, VirtualColumn unnested) {
    UnnestDataSource dataSource = new UnnestDataSource(base.dataSource(), unnested);
    List<String> columns = new ArrayList<>(base.columns());
    columns.add(unnested.name());
    return new StageGraphBuilder.Source(base.inputs(), base.broadcast(), dataSource, columns);
  }

  /** The Uncollect of one expression over one row (how Calcite writes UNNEST(expr)), or null. */
  private static Uncollect uncollect(RelNode rel) {
    if (rel instanceof Uncollect uncollect && !uncollect.withOrdinality
        && uncollect.getInput() instanceof Project project && project.getProjects().size() == 1
        && project.getInput() instanceof Values values && values.getTuples().size() == 1) {
      return uncollect;
    }
    return null;
  }

  private static RexNode arrayExpression(Uncollect uncollect) {
    return ((Project) uncollect.getInput()).getProjects().get(0);
  }

  /** Druid's name for an unnested column, {@code j0.unnest}, with a leading {@code _} while taken. */
  private static String outputName(List<String> columns) {
    String name = "j0.unnest";
    while (columns.contains(name)) {
      name = "_" + name;
    }
    return name;
  }

  /** Rewrites the correlation variable's fields ({@code $cor0.dim3}) as references to the left row's fields. */
  private final class CorrelationToInputRef extends RexShuttle {
    private final CorrelationId id;
    private final RelNode left;

    CorrelationToInputRef(CorrelationId id, RelNode left) {
      this.id = id;
      this.left = left;
    }

    @Override
    public RexNode visitFieldAccess(RexFieldAccess access) {
      if (access.getReferenceExpr() instanceof RexCorrelVariable variable && variable.id.equals(id)) {
        int index = access.getField().getIndex();
        return builder.rexBuilder().makeInputRef(left.getRowType().getFieldList().get(index).getType(), index);
      }
      return super.visitFieldAccess(access);
    }
  }
}
