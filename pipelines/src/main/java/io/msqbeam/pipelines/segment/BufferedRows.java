package io.msqbeam.pipelines.segment;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of a segment in memory, column by column: a long per row for the time, an id per row for a
 * string, eight bytes per row for a number. Holds the rows {@link SegmentWriter} persists together,
 * at most its {@code maxRowsInMemory}, in a fraction of the memory and time Druid's on-heap
 * incremental index takes to hold the same rows.
 *
 * <p>Only for segments sorted by time first, without rollup, whose dimensions are single-valued strings and numbers;
 * {@link #add} refuses a row it cannot hold (a multi-value string) and the writer then goes on with
 * Druid's incremental index.
 */
final class BufferedRows {
  private final BufferedColumn[] columns;
  private long[] times = new long[1024];
  private int rows;

  private BufferedRows(BufferedColumn[] columns) {
    this.columns = columns;
  }

  /**
   * Whether rows of {@code schema} can be buffered at all: no rollup, sorted by time first, only
   * primitive dimensions.
   */
  static boolean supports(SegmentSchema schema) {
    return !schema.rollup() && schema.metrics().isEmpty() && schema.timeSortPosition() == SegmentSchema.TIME_FIRST
        && schema.dimensions().stream()
        .map(SegmentColumn::type)
        .allMatch(type -> type == SegmentColumnType.STRING || type == SegmentColumnType.LONG
            || type == SegmentColumnType.FLOAT || type == SegmentColumnType.DOUBLE);
  }

  /** An empty buffer for rows of {@code schema}, which {@link #supports} must accept. */
  static BufferedRows of(SegmentSchema schema) {
    if (!supports(schema)) {
      throw new IllegalArgumentException("Rows of " + schema + " cannot be buffered");
    }
    return new BufferedRows(schema.dimensions().stream()
        .map(column -> column.type() == SegmentColumnType.STRING
            ? new BufferedStringColumn() : new BufferedNumberColumn(column.type()))
        .toArray(BufferedColumn[]::new));
  }

  /**
   * Adds a row (values in dimension order) unless a value does not fit its column, in which case
   * nothing is added and the answer is {@code false}.
   */
  boolean add(long timestampMillis, Object[] values) {
    for (int i = 0; i < columns.length; i++) {
      if (!columns[i].accepts(values[i])) {
        return false;
      }
    }
    if (rows == times.length) {
      times = Arrays.copyOf(times, rows * 2);
    }
    times[rows] = timestampMillis;
    for (int i = 0; i < columns.length; i++) {
      columns[i].add(values[i]);
    }
    rows++;
    return true;
  }

  int size() {
    return rows;
  }

  /** About how many bytes of heap the buffered rows take. */
  long estimatedBytes() {
    long bytes = times.length * 8L;
    for (BufferedColumn column : columns) {
      bytes += column.estimatedBytes();
    }
    return bytes;
  }

  long time(int row) {
    return times[row];
  }

  /** The column of the {@code index}-th dimension (the merger asks once per dictionary value: no copy). */
  BufferedColumn column(int index) {
    return columns[index];
  }

  int columnCount() {
    return columns.length;
  }

  /** Row {@code row}'s dimension values as they were added. */
  Object[] values(int row) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = columns[i].value(row);
    }
    return values;
  }

  /**
   * The rows in segment order: by time, then by each dimension in order — the order Druid's
   * incremental index gives rows without rollup when it persists them; rows equal in all of them
   * keep their arrival order.
   */
  int[] segmentOrder() {
    int[] order = new int[rows];
    boolean sorted = true;
    for (int row = 0; row < rows; row++) {
      order[row] = row;
      sorted &= row == 0 || compare(row - 1, row) <= 0;
    }
    if (!sorted) {
      IntArrays.mergeSort(order, this::compare);
    }
    return order;
  }

  private int compare(int a, int b) {
    int byTime = Long.compare(times[a], times[b]);
    for (int i = 0; byTime == 0 && i < columns.length; i++) {
      byTime = columns[i].compare(a, b);
    }
    return byTime;
  }
}
