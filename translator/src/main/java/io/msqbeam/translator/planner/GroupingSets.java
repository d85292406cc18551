package io.msqbeam.translator.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * GROUPING SETS, ROLLUP and CUBE as a UNION ALL of one aggregation per grouping set, as Druid's
 * native engine answers them (one result row set per subtotal): the keys a set does not group by are
 * null, and {@code GROUPING(…)} is the constant bit mask of the keys the set leaves out. Each branch
 * then plans as an ordinary GROUP BY, so both executions need nothing new.
 */
final class GroupingSets extends RelHomogeneousShuttle {
  private GroupingSets() {}

  static RelNode expand(RelNode rel) {
    return rel.accept(new GroupingSets());
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode visited = super.visit(other);
    if (visited instanceof Aggregate aggregate && needsExpansion(aggregate)) {
      return expand(aggregate);
    }
    return visited;
  }

  private static boolean needsExpansion(Aggregate aggregate) {
    return aggregate.getGroupSets().size() > 1
        || aggregate.getAggCallList().stream().anyMatch(c -> c.getAggregation().getKind() == SqlKind.GROUPING);
  }

  private static RelNode expand(Aggregate aggregate) {
    RelOptCluster cluster = aggregate.getCluster();
    RexBuilder rexBuilder = cluster.getRexBuilder();
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(cluster, null);
    List<Integer> keys = aggregate.getGroupSet().asList();
    List<RelDataTypeField> outputFields = aggregate.getRowType().getFieldList();
    List<AggregateCall> measures = aggregate.getAggCallList().stream()
        .filter(c -> c.getAggregation().getKind() != SqlKind.GROUPING).toList();
    for (ImmutableBitSet set : aggregate.getGroupSets()) {
      builder.push(aggregate.getInput());
      builder.aggregate(builder.groupKey(set), measures);
      List<RexNode> row = new ArrayList<>();
      List<Integer> setKeys = set.asList();
      for (int k = 0; k < keys.size(); k++) {
        int position = setKeys.indexOf(keys.get(k));
        row.add(position >= 0 ? builder.field(position)
            : rexBuilder.makeNullLiteral(outputFields.get(k).getType()));
      }
      int measure = 0;
      for (int c = 0; c < aggregate.getAggCallList().size(); c++) {
        AggregateCall call = aggregate.getAggCallList().get(c);
        RelDataTypeField field = outputFields.get(keys.size() + c);
        if (call.getAggregation().getKind() == SqlKind.GROUPING) {
          row.add(rexBuilder.makeExactLiteral(java.math.BigDecimal.valueOf(groupingMask(call, set)), field.getType()));
        } else {
          row.add(builder.field(setKeys.size() + measure++));
        }
      }
      builder.project(row, outputFields.stream().map(RelDataTypeField::getName).toList(), true);
    }
    if (aggregate.getGroupSets().size() > 1) {
      builder.union(true, aggregate.getGroupSets().size());
    }
    return builder.convert(aggregate.getRowType(), false).build();
  }

  /** GROUPING(a, b, …): for each argument, most significant first, 1 when the set does not group by it. */
  private static long groupingMask(AggregateCall call, ImmutableBitSet set) {
    long mask = 0;
    for (int arg : call.getArgList()) {
      mask = (mask << 1) | (set.get(arg) ? 0 : 1);
    }
    return mask;
  }
}
