package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.JoinType;
import java.io.Serializable;
import java.util.List;

/** What a join DoFn needs to make its {@link JoinRows} on a worker: the plan's join and the two sides' signatures. */
record JoinSpec(String condition, String rightPrefix, JoinType joinType, List<ColumnSignature> left,
    List<ColumnSignature> right) implements Serializable {
  JoinSpec {
    left = List.copyOf(left);
    right = List.copyOf(right);
  }

  JoinRows rows() {
    return new JoinRows(condition, rightPrefix, joinType, left, right);
  }
}
