package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.expr.DruidExprMacros;
import io.msqbeam.pipelines.segment.DruidRuntime;
import io.msqbeam.pipelines.expr.RowExpression;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.druid.math.expr.Expr;
import org.apache.druid.segment.join.Equality;
import org.apache.druid.segment.join.JoinConditionAnalysis;

/**
 * The per-row logic of a join, shared by the broadcast and sort-merge joins on Beam and in-process:
 * the join condition split by Druid's own {@link JoinConditionAnalysis} into equalities (a left
 * expression and a right column: the key) and other conjuncts (checked on each joined pair); the key
 * of a left or right row; the joined row, the left columns then the right ones, null on a side that
 * did not match. Keys holding a null match nothing (SQL {@code =}), unless Druid marks the equality
 * as null-including. Not thread-safe.
 */
final class JoinRows {
  private final JoinType joinType;
  private final int leftWidth;
  private final int rightWidth;
  private final RowExpression[] leftKeys;
  private final ColumnType[] keyTypes;
  private final int[] rightKeys;
  private final boolean[] includeNull;
  private final RowExpression residual;
  private final boolean alwaysFalse;
  private final List<ColumnSignature> joinedSignature;

  JoinRows(String condition, String rightPrefix, JoinType joinType, List<ColumnSignature> left,
      List<ColumnSignature> right) {
    DruidRuntime.initialize();
    JoinConditionAnalysis analysis = JoinConditionAnalysis.forExpression(condition, rightPrefix, DruidExprMacros.table());
    this.joinType = joinType;
    this.leftWidth = left.size();
    this.rightWidth = right.size();
    List<String> rightNames = right.stream().map(ColumnSignature::name).toList();
    List<Equality> equalities = analysis.getEquiConditions();
    this.leftKeys = new RowExpression[equalities.size()];
    this.keyTypes = new ColumnType[equalities.size()];
    this.rightKeys = new int[equalities.size()];
    this.includeNull = new boolean[equalities.size()];
    for (int i = 0; i < equalities.size(); i++) {
      Equality equality = equalities.get(i);
      rightKeys[i] = rightNames.indexOf(equality.getRightColumn());
      if (rightKeys[i] < 0) {
        throw new IllegalArgumentException("Join key [" + equality.getRightColumn() + "] is not in " + rightNames);
      }
      // The left key is computed in the right column's type, so that 1 and 1.0 or '1' meet.
      keyTypes[i] = right.get(rightKeys[i]).type();
      leftKeys[i] = new RowExpression(equality.getLeftExpr().stringify(), left);
      includeNull[i] = equality.isIncludeNull();
    }
    List<ColumnSignature> joined = new ArrayList<>(left);
    for (ColumnSignature column : right) {
      joined.add(new ColumnSignature(rightPrefix + column.name(), column.type()));
    }
    this.joinedSignature = List.copyOf(joined);
    List<Expr> others = analysis.getNonEquiConditions();
    this.residual = others.isEmpty() ? null : new RowExpression(
        String.join(" && ", others.stream().map(e -> "(" + e.stringify() + ")").toList()), joinedSignature);
    this.alwaysFalse = analysis.isAlwaysFalse();
  }

  JoinType joinType() {
    return joinType;
  }

  List<ColumnSignature> joinedSignature() {
    return joinedSignature;
  }

  /** The types of the key values, in key order: the right key columns' types. */
  List<ColumnType> keyTypes() {
    return List.of(keyTypes);
  }

  /** The positions of the key columns in a right row. */
  int[] rightKeyPositions() {
    return rightKeys.clone();
  }

  /** The key of a left row, or null when it can match nothing. */
  Object[] leftKey(Object[] row) {
    Object[] key = new Object[leftKeys.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = leftKeys[i].evaluate(row, keyTypes[i]);
      if (key[i] == null && !includeNull[i]) {
        return null;
      }
    }
    return alwaysFalse ? null : key;
  }

  /** The key of a right row, or null when it can match nothing. */
  Object[] rightKey(Object[] row) {
    Object[] key = new Object[rightKeys.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = row[rightKeys[i]];
      if (key[i] == null && !includeNull[i]) {
        return null;
      }
    }
    return alwaysFalse ? null : key;
  }

  /** The joined row of a left and a right row, either of which may be null (no match on that side). */
  Object[] joined(Object[] left, Object[] right) {
    Object[] out = new Object[leftWidth + rightWidth];
    if (left != null) {
      System.arraycopy(left, 0, out, 0, leftWidth);
    }
    if (right != null) {
      System.arraycopy(right, 0, out, leftWidth, rightWidth);
    }
    return out;
  }

  /** Whether a pair of rows with equal keys also meets the rest of the condition. */
  boolean accepts(Object[] joined) {
    return residual == null || residual.test(joined);
  }

  /** A key compared by value, as a hash-map key. */
  static List<Object> asList(Object[] key) {
    return Arrays.asList(key);
  }
}
