package io.msqbeam.pipelines.stage;

import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Spreads the rows of each time chunk over {@code ceil(rows / rowsPerSegment)} segments, so no
 * segment (and no worker) has to take a whole large chunk. The chunk's row count comes from a
 * counting pre-pass (a side input).
 */
final class AssignPartitionFn extends DoFn<KV<Long, Object[]>, KV<KV<Long, Integer>, Object[]>> {
  private final PCollectionView<Map<Long, Long>> chunkCounts;
  private final long rowsPerSegment;

  AssignPartitionFn(PCollectionView<Map<Long, Long>> chunkCounts, long rowsPerSegment) {
    this.chunkCounts = chunkCounts;
    this.rowsPerSegment = rowsPerSegment;
  }

  /** Rows assigned so far per chunk by this instance: round robin keeps segments near rowsPerSegment. */
  private transient Map<Long, Long> assigned;

  @Setup
  public void setup() {
    assigned = new java.util.HashMap<>();
  }

  @ProcessElement
  public void process(ProcessContext context) {
    KV<Long, Object[]> element = context.element();
    long rows = context.sideInput(chunkCounts).getOrDefault(element.getKey(), 1L);
    int partitions = (int) Math.max(1, (rows + rowsPerSegment - 1) / rowsPerSegment);
    int partition = partitions == 1 ? 0 : (int) (assigned.merge(element.getKey(), 1L, Long::sum) % partitions);
    context.output(KV.of(KV.of(element.getKey(), partition), element.getValue()));
  }
}
