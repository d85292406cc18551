package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static java.util.Objects.requireNonNull;

/**
 * Druid's {@code sortMergeJoin} stage: joins its two inputs (input 0 left, input 1 right), each
 * already partitioned and sorted by its join key by the stage before, one key at a time, so neither
 * side is held whole; only the rows of one key are buffered. Output rows are the left columns then
 * the right columns with {@code rightPrefix}. {@code condition} is an AND of equalities of a left
 * column and a right column.
 */
@JsonPropertyOrder({"type", "rightPrefix", "condition", "joinType"})
public record SortMergeJoinProcessor(String rightPrefix, String condition, JoinType joinType)
    implements java.io.Serializable, StageProcessor {
  public SortMergeJoinProcessor {
    requireNonNull(rightPrefix, "rightPrefix is null");
    requireNonNull(condition, "condition is null");
    requireNonNull(joinType, "joinType is null");
  }
}
