package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A broadcast hash join in Druid's shape: the rows of {@code left} (streamed) joined with the rows of
 * {@code right} (a stage input broadcast to every worker and held in memory, bounded), whose columns
 * appear with {@code rightPrefix}. {@code condition} is a Druid expression over the joined columns:
 * equalities of a left expression and a right column (the hash key), and any other conjuncts
 * evaluated on each matching pair, as Druid's {@code JoinConditionAnalysis} splits it.
 */
@JsonPropertyOrder({"type", "left", "right", "rightPrefix", "condition", "joinType"})
public record JoinDataSource(QueryDataSource left, InputNumberDataSource right, String rightPrefix, String condition,
    JoinType joinType) implements QueryDataSource {
  public JoinDataSource {
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
    requireNonNull(rightPrefix, "rightPrefix is null");
    requireNonNull(condition, "condition is null");
    requireNonNull(joinType, "joinType is null");
    if (rightPrefix.isEmpty() || "__time".startsWith(rightPrefix)) {
      throw new IllegalArgumentException("rightPrefix must be non-empty and not a prefix of __time: " + rightPrefix);
    }
  }

  @Override
  public List<Integer> inputNumbers() {
    List<Integer> numbers = new ArrayList<>(left.inputNumbers());
    numbers.add(right.inputNumber());
    return numbers;
  }

  @Override
  public QueryDataSource shifted(int offset) {
    return new JoinDataSource(left.shifted(offset), new InputNumberDataSource(right.inputNumber() + offset),
        rightPrefix, condition, joinType);
  }
}
