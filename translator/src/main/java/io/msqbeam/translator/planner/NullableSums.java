package io.msqbeam.translator.planner;

import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Recognises Calcite's nullable SUM over an aggregate's output: its function reduction turns
 * {@code SUM(x)} into {@code CASE WHEN COUNT(x) = 0 THEN NULL ELSE $SUM0(x) END}. Our sum aggregators
 * are already null over no non-null values (as Druid's are), so that projection's value is the sum
 * aggregator's own: a rollup ingestion stores it as the sum's metric, as Druid, which plans SUM as
 * one nullable aggregator, does.
 */
final class NullableSums {
  private NullableSums() {}

  /**
   * The position in {@code aggregate}'s output of the sum whose nullable form {@code project} is,
   * or -1 when it is not one: the COUNT and the sum must read the same argument under the same filter.
   */
  static int sumOf(RexNode project, Aggregate aggregate) {
    if (!(project instanceof RexCall caseCall) || caseCall.getKind() != SqlKind.CASE
        || caseCall.getOperands().size() != 3) {
      return -1;
    }
    RexNode condition = caseCall.getOperands().get(0);
    if (!isNullLiteral(caseCall.getOperands().get(1)) || !(condition instanceof RexCall equals)
        || equals.getKind() != SqlKind.EQUALS) {
      return -1;
    }
    int count = aggregateRef(equals.getOperands().get(0), aggregate);
    if (count < 0 || !isZero(equals.getOperands().get(1))) {
      return -1;
    }
    int sum = aggregateRef(caseCall.getOperands().get(2), aggregate);
    if (sum < 0) {
      return -1;
    }
    int groups = aggregate.getGroupCount();
    AggregateCall countCall = aggregate.getAggCallList().get(count - groups);
    AggregateCall sumCall = aggregate.getAggCallList().get(sum - groups);
    boolean matches = countCall.getAggregation().getKind() == SqlKind.COUNT && !countCall.isDistinct()
        && (sumCall.getAggregation().getKind() == SqlKind.SUM0 || sumCall.getAggregation().getKind() == SqlKind.SUM)
        && countCall.getArgList().equals(sumCall.getArgList()) && countCall.filterArg == sumCall.filterArg;
    return matches ? sum : -1;
  }

  /** The output position of an aggregate call the node refers to (through casts), or -1. */
  private static int aggregateRef(RexNode node, Aggregate aggregate) {
    RexNode unwrapped = withoutCasts(node);
    if (unwrapped instanceof RexInputRef ref && ref.getIndex() >= aggregate.getGroupCount()) {
      return ref.getIndex();
    }
    return -1;
  }

  private static boolean isNullLiteral(RexNode node) {
    return withoutCasts(node) instanceof RexLiteral literal && literal.isNull();
  }

  private static boolean isZero(RexNode node) {
    if (!(withoutCasts(node) instanceof RexLiteral literal)) {
      return false;
    }
    Number value = literal.getValueAs(Number.class);
    return value != null && value.doubleValue() == 0;
  }

  private static RexNode withoutCasts(RexNode node) {
    RexNode current = node;
    while (current instanceof RexCall call && call.getKind() == SqlKind.CAST) {
      current = call.getOperands().get(0);
    }
    return current;
  }
}
