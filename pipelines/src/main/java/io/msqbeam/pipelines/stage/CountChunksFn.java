package io.msqbeam.pipelines.stage;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;

/**
 * Counts a bundle's rows per time chunk and emits one count per chunk when the bundle ends: the
 * row-count pre-pass of partitioning then sums a few counts per worker instead of shuffling and
 * sorting one element per row.
 */
final class CountChunksFn extends DoFn<KV<Long, byte[]>, KV<Long, Long>> {
  private transient Map<Long, Long> counts;

  @StartBundle
  public void startBundle() {
    counts = new HashMap<>();
  }

  @ProcessElement
  public void process(@Element KV<Long, byte[]> row) {
    counts.merge(row.getKey(), 1L, Long::sum);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    for (Map.Entry<Long, Long> count : counts.entrySet()) {
      context.output(KV.of(count.getKey(), count.getValue()), BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
    }
    counts = null;
  }
}
