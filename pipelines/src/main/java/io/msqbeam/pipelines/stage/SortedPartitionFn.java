package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Reads one partition of a sorted shuffle and emits its rows in order, applying an offset and a
 * limit ({@link SortedLimit}). Without a limit the partition is sorted in memory, which bounds ORDER
 * BY without LIMIT by the worker's heap.
 */
final class SortedPartitionFn extends DoFn<KV<Integer, Iterable<Object[]>>, Object[]> {
  private final Counter outputRows;
  private final RowOrdering ordering;
  private final Long offset;
  private final Long limit;

  SortedPartitionFn(int stageNumber, RowOrdering ordering, Long offset, Long limit) {
    this.ordering = ordering;
    this.offset = offset;
    this.limit = limit;
    this.outputRows = Metrics.counter(CounterNames.namespace(stageNumber),
        CounterNames.name(CounterNames.OUTPUT, "rows"));
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<Object[]>> partition, OutputReceiver<Object[]> out) {
    SortedLimit rows = new SortedLimit(ordering, offset, limit);
    partition.getValue().forEach(rows::add);
    for (Object[] row : rows.rows()) {
      outputRows.inc();
      out.output(row);
    }
  }
}
