package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Druid's {@code window} stage: its input arrives partitioned by {@code partitionColumnNames}; each
 * partition (at most {@code maxRowsMaterializedInWindow} rows, else {@code TooManyRowsInAWindow}) is
 * sorted by {@code orderBy} and every row gets the window functions' values appended, in order.
 */
@JsonPropertyOrder({"type", "partitionColumnNames", "orderBy", "functions", "maxRowsMaterializedInWindow"})
public record WindowProcessor(List<String> partitionColumnNames, List<ShuffleSpec.KeyColumn> orderBy,
    List<WindowFunction> functions, int maxRowsMaterializedInWindow) implements java.io.Serializable, StageProcessor {
  /** Druid's default for {@code maxRowsMaterializedInWindow}. */
  public static final int DEFAULT_MAX_ROWS = 100_000;

  public WindowProcessor {
    partitionColumnNames = List.copyOf(requireNonNull(partitionColumnNames, "partitionColumnNames is null"));
    orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
    functions = List.copyOf(requireNonNull(functions, "functions is null"));
    if (maxRowsMaterializedInWindow < 1) {
      throw new IllegalArgumentException("maxRowsMaterializedInWindow must be >= 1");
    }
  }
}
