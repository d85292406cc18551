package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.row.RowCoder;
import java.nio.file.Path;
import java.util.Iterator;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.counters.StageCounter;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Reads one partition of a sorted shuffle and emits its rows in order, applying an offset and a
 * limit: with a limit only {@code offset + limit} rows are held ({@link SortedLimit}); without one
 * the partition is sorted with bounded memory, spilling sorted runs under {@code tempDir}
 * ({@link ExternalRowSorter}).
 */
final class SortedPartitionFn extends DoFn<KV<Integer, Iterable<Object[]>>, Object[]> {
  private final Counter outputRows;
  private final RowOrdering ordering;
  private final Long offset;
  private final Long limit;

  private final RowCoder coder;
  private final String tempDir;

  SortedPartitionFn(int stageNumber, RowOrdering ordering, Long offset, Long limit, RowCoder coder, String tempDir) {
    this.coder = coder;
    this.tempDir = tempDir;
    this.ordering = ordering;
    this.offset = offset;
    this.limit = limit;
    this.outputRows = StageCounter.of(stageNumber, CounterNames.OUTPUT, "rows");
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<Object[]>> partition, OutputReceiver<Object[]> out) {
    if (limit == null) {
      try (ExternalRowSorter sorter = new ExternalRowSorter(ordering, coder, Path.of(tempDir),
          ExternalRowSorter.DEFAULT_MAX_ROWS_IN_MEMORY)) {
        partition.getValue().forEach(sorter::add);
        Iterator<Object[]> sorted = sorter.sorted();
        long skip = offset == null ? 0 : offset;
        while (sorted.hasNext()) {
          Object[] row = sorted.next();
          if (skip > 0) {
            skip--;
            continue;
          }
          outputRows.inc();
          out.output(row);
        }
      }
      return;
    }
    SortedLimit rows = new SortedLimit(ordering, offset, limit);
    partition.getValue().forEach(rows::add);
    for (Object[] row : rows.rows()) {
      outputRows.inc();
      out.output(row);
    }
  }
}
