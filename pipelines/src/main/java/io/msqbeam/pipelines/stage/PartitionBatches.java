package io.msqbeam.pipelines.stage;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.beam.sdk.values.KV;

/**
 * Gathers encoded rows bound for the same segment partition (time chunk and partition number) into
 * batches of about {@link #BATCH_BYTES}, rows laid end to end ({@code RowCoder#forEachRow} reads them
 * back). The shuffle to the segment writers then moves, sorts and spills one record per batch instead
 * of one per row, which on Flink was a fifth of an ingestion's CPU. Memory stays bounded: past
 * {@link #MAX_BUFFERED_BYTES} in all, every batch is sent as it is. Not thread-safe.
 */
final class PartitionBatches {
  static final int BATCH_BYTES = 64 << 10;
  static final long MAX_BUFFERED_BYTES = 16L << 20;

  private final Map<KV<Long, Integer>, ByteArrayOutputStream> open = new HashMap<>();
  private long buffered;

  /** Adds a row to its partition's batch; {@code emit} receives the batches that are full. */
  void add(KV<Long, Integer> partition, byte[] row, BiConsumer<KV<Long, Integer>, byte[]> emit) {
    ByteArrayOutputStream batch = open.computeIfAbsent(partition, p -> new ByteArrayOutputStream(BATCH_BYTES + 1024));
    batch.writeBytes(row);
    buffered += row.length;
    if (batch.size() >= BATCH_BYTES) {
      open.remove(partition);
      buffered -= batch.size();
      emit.accept(partition, batch.toByteArray());
    } else if (buffered >= MAX_BUFFERED_BYTES) {
      flush(emit);
    }
  }

  /** Sends every batch not yet sent, full or not. */
  void flush(BiConsumer<KV<Long, Integer>, byte[]> emit) {
    open.forEach((partition, batch) -> emit.accept(partition, batch.toByteArray()));
    open.clear();
    buffered = 0;
  }
}
