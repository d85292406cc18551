package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ShuffleSpec;
import io.msqbeam.translator.plan.WindowFunction;
import io.msqbeam.translator.plan.WindowProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The per-partition logic of a window stage, shared by Beam and the in-process executor: sorts one
 * partition's rows by the window's order and appends each window function's value to every row.
 * Peers (rows equal in the order) share a rank and, in a {@code cumulativeRange} frame, a value.
 */
final class WindowRows {
  private final WindowProcessor window;
  private final RowOrdering ordering;
  private final int[] partitionPositions;
  private final int[] fieldPositions;
  private final Aggregators[] aggregators;

  WindowRows(WindowProcessor window, List<ColumnSignature> inputSignature) {
    this.window = window;
    this.ordering = new RowOrdering(inputSignature, window.orderBy());
    List<String> names = inputSignature.stream().map(ColumnSignature::name).toList();
    this.partitionPositions = window.partitionColumnNames().stream().mapToInt(names::indexOf).toArray();
    this.fieldPositions = new int[window.functions().size()];
    this.aggregators = new Aggregators[window.functions().size()];
    for (int i = 0; i < fieldPositions.length; i++) {
      AggregatorSpec aggregation = window.functions().get(i).aggregation();
      fieldPositions[i] = aggregation == null || aggregation.fieldName() == null ? -1
          : names.indexOf(aggregation.fieldName());
      aggregators[i] = aggregation == null ? null : new Aggregators(List.of(aggregation));
    }
  }

  /** The partition key of an input row. */
  Object[] partitionKey(Object[] row) {
    Object[] key = new Object[partitionPositions.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = row[partitionPositions[i]];
    }
    return key;
  }

  /** Druid's bound on the rows of one partition: {@code TooManyRowsInAWindow} past it. */
  void checkSize(long rows) {
    if (rows > window.maxRowsMaterializedInWindow()) {
      throw new FaultException(new Fault("TooManyRowsInAWindow", String.format("Too many rows in a window"
          + " (requested = %d, max = %d).", rows, window.maxRowsMaterializedInWindow()),
          Map.of("numRows", rows, "maxRows", window.maxRowsMaterializedInWindow())));
    }
  }

  /** Emits the rows of one whole partition, sorted, each with the window functions' values appended. */
  void process(List<Object[]> partition, Consumer<Object[]> out) {
    checkSize(partition.size());
    List<Object[]> rows = new ArrayList<>(partition);
    rows.sort(ordering);
    int n = rows.size();
    int functions = window.functions().size();
    Object[][] values = new Object[n][functions];
    for (int f = 0; f < functions; f++) {
      compute(f, rows, values);
    }
    for (int r = 0; r < n; r++) {
      Object[] row = rows.get(r);
      Object[] outRow = new Object[row.length + functions];
      System.arraycopy(row, 0, outRow, 0, row.length);
      System.arraycopy(values[r], 0, outRow, row.length, functions);
      out.accept(outRow);
    }
  }

  private void compute(int f, List<Object[]> rows, Object[][] values) {
    WindowFunction function = window.functions().get(f);
    int n = rows.size();
    int peerGroupStart = 0;
    long denseRank = 0;
    Object[] accumulator = aggregators[f] == null ? null : aggregators[f].empty();
    if (function.type() == WindowFunction.Kind.AGGREGATE && function.frame() == WindowFunction.Frame.PARTITION) {
      rows.forEach(row -> add(f, accumulator, row));
      Object value = aggregators[f].finalizeValues(accumulator)[0];
      for (Object[] row : values) {
        row[f] = value;
      }
      return;
    }
    for (int r = 0; r < n; r++) {
      boolean newPeerGroup = r == 0 || ordering.compare(rows.get(r - 1), rows.get(r)) != 0;
      if (newPeerGroup) {
        peerGroupStart = r;
        denseRank++;
      }
      switch (function.type()) {
        case ROW_NUMBER -> values[r][f] = (long) r + 1;
        case RANK -> values[r][f] = (long) peerGroupStart + 1;
        case DENSE_RANK -> values[r][f] = denseRank;
        case AGGREGATE -> {
          add(f, accumulator, rows.get(r));
          Object value = aggregators[f].finalizeValues(accumulator)[0];
          values[r][f] = value;
          if (function.frame() == WindowFunction.Frame.CUMULATIVE_RANGE) {
            // Peers share the value after the last of them: earlier peers are updated as later ones arrive.
            for (int p = peerGroupStart; p < r; p++) {
              values[p][f] = value;
            }
          }
        }
      }
    }
  }

  private void add(int f, Object[] accumulator, Object[] row) {
    Object value = fieldPositions[f] < 0 ? null : row[fieldPositions[f]];
    aggregators[f].add(accumulator, new Object[] {value}, new boolean[] {true});
  }

  /** The window's sort key, for the partitions a stage emits. */
  List<ShuffleSpec.KeyColumn> orderBy() {
    return window.orderBy();
  }
}
