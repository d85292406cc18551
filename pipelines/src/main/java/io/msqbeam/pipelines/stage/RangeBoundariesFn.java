package io.msqbeam.pipelines.stage;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Turns one chunk's key quantiles into its {@link RangeBoundaries}, aiming at
 * {@code ceil(rows / rowsPerSegment)} partitions as the numbered layout would get.
 */
final class RangeBoundariesFn extends DoFn<KV<Long, List<List<String>>>, KV<Long, RangeBoundaries>> {
  private final PCollectionView<Map<Long, Long>> chunkCounts;
  private final long rowsPerSegment;

  RangeBoundariesFn(PCollectionView<Map<Long, Long>> chunkCounts, long rowsPerSegment) {
    this.chunkCounts = chunkCounts;
    this.rowsPerSegment = rowsPerSegment;
  }

  @ProcessElement
  public void process(ProcessContext context) {
    KV<Long, List<List<String>>> chunk = context.element();
    long rows = context.sideInput(chunkCounts).getOrDefault(chunk.getKey(), 1L);
    int partitions = (int) Math.max(1, (rows + rowsPerSegment - 1) / rowsPerSegment);
    context.output(KV.of(chunk.getKey(), RangeBoundaries.fromQuantiles(chunk.getValue(), partitions)));
  }
}
