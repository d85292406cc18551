package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Reads one partition of a sorted shuffle and emits its rows in order, applying an offset and a
 * limit. With a limit only {@code offset + limit} rows are ever held (a bounded heap); without one the
 * partition is sorted in memory, which bounds ORDER BY without LIMIT by the worker's heap.
 */
final class SortedPartitionFn extends DoFn<KV<Integer, Iterable<Object[]>>, Object[]> {
  private final Counter outputRows;
  private final RowOrdering ordering;
  private final long offset;
  private final Long limit;

  SortedPartitionFn(int stageNumber, RowOrdering ordering, Long offset, Long limit) {
    this.ordering = ordering;
    this.offset = offset == null ? 0 : offset;
    this.limit = limit;
    this.outputRows = Metrics.counter(CounterNames.namespace(stageNumber),
        CounterNames.name(CounterNames.OUTPUT, "rows"));
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<Object[]>> partition, OutputReceiver<Object[]> out) {
    List<Object[]> sorted;
    if (limit != null) {
      long keep = offset + limit;
      PriorityQueue<Object[]> heap = new PriorityQueue<>(ordering.reversed());
      for (Object[] row : partition.getValue()) {
        heap.add(row);
        if (heap.size() > keep) {
          heap.poll();
        }
      }
      sorted = new ArrayList<>(heap);
    } else {
      sorted = new ArrayList<>();
      partition.getValue().forEach(sorted::add);
    }
    sorted.sort(ordering);
    long end = limit == null ? sorted.size() : Math.min(sorted.size(), offset + limit);
    for (long i = offset; i < end; i++) {
      outputRows.inc();
      out.output(sorted.get((int) i));
    }
  }
}
