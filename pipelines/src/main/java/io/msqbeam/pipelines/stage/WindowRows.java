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
 * Peers (rows equal in the order) share a rank; a RANGE frame counts them as one group, as Druid does.
 */
final class WindowRows {
  private final WindowProcessor window;
  private final RowOrdering ordering;
  private final int[] partitionPositions;
  private final int[] fieldPositions;
  private final int[] inputPositions;
  private final Aggregators[] aggregators;

  WindowRows(WindowProcessor window, List<ColumnSignature> inputSignature) {
    this.window = window;
    this.ordering = new RowOrdering(inputSignature, window.orderBy());
    List<String> names = inputSignature.stream().map(ColumnSignature::name).toList();
    this.partitionPositions = window.partitionColumnNames().stream().mapToInt(names::indexOf).toArray();
    this.fieldPositions = new int[window.functions().size()];
    this.inputPositions = new int[window.functions().size()];
    this.aggregators = new Aggregators[window.functions().size()];
    for (int i = 0; i < fieldPositions.length; i++) {
      String input = window.functions().get(i).inputColumn();
      inputPositions[i] = input == null ? -1 : names.indexOf(input);
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

  /**
   * Druid's bound on the rows of one partition: {@code TooManyRowsInAWindow} past it, with the message of
   * its {@code TooManyRowsInAWindowFault} (double space and trailing space included). Rows are counted as
   * they arrive and the fault comes with the first row too many, so no more than the bound is ever held;
   * Druid counts its buffered frames, so its {@code numRows} depends on frame sizes.
   */
  void checkSize(long rows) {
    int max = window.maxRowsMaterializedInWindow();
    if (rows > max) {
      Map<String, Object> fields = new java.util.LinkedHashMap<>();
      fields.put("numRows", rows);
      fields.put("maxRows", max);
      throw new FaultException(new Fault("TooManyRowsInAWindow", String.format("Too many rows in a window"
          + " (requested = %d, max = %d).  Try creating a window with a higher cardinality column or change the"
          + " query shape. Or you can change the max using query context param maxRowsMaterializedInWindow . Use"
          + " it carefully as a higher value can lead to OutOfMemory errors. ", rows, max), fields));
    }
  }

  /** Emits the rows of one whole partition, sorted, each with the window functions' values appended. */
  void process(List<Object[]> partition, Consumer<Object[]> out) {
    checkSize(partition.size());
    List<Object[]> rows = new ArrayList<>(partition);
    rows.sort(ordering);
    PeerGroups peers = new PeerGroups(rows, ordering);
    int n = rows.size();
    int functions = window.functions().size();
    Object[][] values = new Object[n][functions];
    for (int f = 0; f < functions; f++) {
      compute(f, rows, peers, values);
    }
    for (int r = 0; r < n; r++) {
      Object[] row = rows.get(r);
      Object[] outRow = new Object[row.length + functions];
      System.arraycopy(row, 0, outRow, 0, row.length);
      System.arraycopy(values[r], 0, outRow, row.length, functions);
      out.accept(outRow);
    }
  }

  private void compute(int f, List<Object[]> rows, PeerGroups peers, Object[][] values) {
    WindowFunction function = window.functions().get(f);
    int n = rows.size();
    if (function.type() == WindowFunction.Kind.AGGREGATE) {
      aggregate(f, function.frame(), rows, peers, values);
      return;
    }
    int input = inputPositions[f];
    for (int r = 0; r < n; r++) {
      int group = peers.groupOf(r);
      values[r][f] = switch (function.type()) {
        case ROW_NUMBER -> (long) r + 1;
        case RANK -> (long) peers.start(group) + 1;
        case DENSE_RANK -> (long) group + 1;
        // Druid's WindowRankProcessor (asPercent): the peer group's first row over n - 1, and 0 for one row.
        case PERCENT_RANK -> n > 1 ? peers.start(group) / (double) (n - 1) : 0.0;
        // Druid's WindowCumeDistProcessor: rows up to the end of the current peer group over n.
        case CUME_DIST -> peers.end(group) / (double) n;
        case NTILE -> (long) ntile(r, n, function.argument());
        case OFFSET -> {
          int other = r + function.argument();
          yield other >= 0 && other < n ? rows.get(other)[input] : null;
        }
        case FIRST -> rows.get(0)[input];
        case LAST -> rows.get(n - 1)[input];
        case AGGREGATE -> throw new AssertionError("aggregates are computed by frame");
      };
    }
  }

  /**
   * Druid's WindowPercentileProcessor: {@code n / buckets} rows per bucket, and the first
   * {@code n % buckets} buckets one row more; returns the 1-based bucket of row {@code r}.
   */
  private static int ntile(int r, int n, int buckets) {
    int perBucket = n / buckets;
    int extra = n % buckets;
    int bigRows = extra * (perBucket + 1);
    return r < bigRows ? r / (perBucket + 1) + 1 : extra + (r - bigRows) / perBucket + 1;
  }

  /**
   * An aggregate over each row's frame. The whole partition is aggregated once, frames starting at the
   * partition's start are running totals, and other frames are answered from a segment tree of
   * partial aggregates, so a partition costs O(n log n) whatever the frame's width.
   */
  private void aggregate(int f, WindowFunction.Frame frame, List<Object[]> rows, PeerGroups peers,
      Object[][] values) {
    int n = rows.size();
    Aggregators aggregator = aggregators[f];
    if (frame.coversWholePartition()) {
      Object[] accumulator = aggregator.empty();
      rows.forEach(row -> add(f, accumulator, row));
      Object value = aggregator.finalizeValues(accumulator)[0];
      for (Object[] row : values) {
        row[f] = value;
      }
      return;
    }
    Object emptyValue = aggregator.finalizeValues(aggregator.empty())[0];
    if (frame.lowerOffset() == null) {
      Object[] running = new Object[n];
      Object[] accumulator = aggregator.empty();
      for (int r = 0; r < n; r++) {
        add(f, accumulator, rows.get(r));
        running[r] = aggregator.finalizeValues(accumulator)[0];
      }
      for (int r = 0; r < n; r++) {
        int end = frameEnd(frame, r, n, peers);
        values[r][f] = end < 0 ? emptyValue : running[Math.min(end, n - 1)];
      }
      return;
    }
    Object[][] tree = new Object[2 * n][];
    for (int r = 0; r < n; r++) {
      tree[n + r] = aggregator.empty();
      add(f, tree[n + r], rows.get(r));
    }
    for (int node = n - 1; node > 0; node--) {
      tree[node] = aggregator.empty();
      aggregator.merge(tree[node], tree[2 * node]);
      aggregator.merge(tree[node], tree[2 * node + 1]);
    }
    for (int r = 0; r < n; r++) {
      int start = Math.max(frameStart(frame, r, n, peers), 0);
      int end = Math.min(frameEnd(frame, r, n, peers), n - 1);
      if (start > end) {
        values[r][f] = emptyValue;
        continue;
      }
      Object[] accumulator = aggregator.empty();
      for (int lo = start + n, hi = end + n + 1; lo < hi; lo >>= 1, hi >>= 1) {
        if ((lo & 1) == 1) {
          aggregator.merge(accumulator, tree[lo++]);
        }
        if ((hi & 1) == 1) {
          aggregator.merge(accumulator, tree[--hi]);
        }
      }
      values[r][f] = aggregator.finalizeValues(accumulator)[0];
    }
  }

  /** The first row of row {@code r}'s frame (may lie outside the partition); the frame's lower bound is set. */
  private static int frameStart(WindowFunction.Frame frame, int r, int n, PeerGroups peers) {
    if (frame.peerType() == WindowFunction.PeerType.ROWS) {
      return r + frame.lowerOffset();
    }
    int group = peers.groupOf(r) + frame.lowerOffset();
    return group < 0 ? 0 : group >= peers.count() ? n : peers.start(group);
  }

  /** The last row of row {@code r}'s frame (may lie outside the partition). */
  private static int frameEnd(WindowFunction.Frame frame, int r, int n, PeerGroups peers) {
    if (frame.upperOffset() == null) {
      return n - 1;
    }
    if (frame.peerType() == WindowFunction.PeerType.ROWS) {
      return r + frame.upperOffset();
    }
    int group = peers.groupOf(r) + frame.upperOffset();
    return group < 0 ? -1 : group >= peers.count() ? n - 1 : peers.end(group) - 1;
  }

  private void add(int f, Object[] accumulator, Object[] row) {
    Object value = fieldPositions[f] < 0 ? null : row[fieldPositions[f]];
    aggregators[f].add(accumulator, new Object[] {value}, new boolean[] {true});
  }

  /** The peer groups of a sorted partition: runs of rows equal in the window's order. */
  private static final class PeerGroups {
    private final int[] groupOfRow;
    private final int[] starts;
    private final int count;

    PeerGroups(List<Object[]> sorted, RowOrdering ordering) {
      int n = sorted.size();
      groupOfRow = new int[n];
      int[] groupStarts = new int[n + 1];
      int groups = 0;
      for (int r = 0; r < n; r++) {
        if (r == 0 || ordering.compare(sorted.get(r - 1), sorted.get(r)) != 0) {
          groupStarts[groups++] = r;
        }
        groupOfRow[r] = groups - 1;
      }
      groupStarts[groups] = n;
      starts = groupStarts;
      count = groups;
    }

    int groupOf(int row) {
      return groupOfRow[row];
    }

    int count() {
      return count;
    }

    /** The first row of a group. */
    int start(int group) {
      return starts[group];
    }

    /** One past the last row of a group. */
    int end(int group) {
      return starts[group + 1];
    }
  }

  /** The window's sort key, for the partitions a stage emits. */
  List<ShuffleSpec.KeyColumn> orderBy() {
    return window.orderBy();
  }
}
