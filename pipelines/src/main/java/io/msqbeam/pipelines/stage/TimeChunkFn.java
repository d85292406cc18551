package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.row.RowCoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Interval;

/**
 * Keys each row by the start of its time chunk; a null {@code __time} fails the task with
 * InsertTimeNull, a chunk outside the REPLACE bounds with InsertTimeOutOfBounds.
 *
 * <p>The row leaves encoded ({@link RowCoder#toBytes}): the steps up to the segment writer only count,
 * route and shuffle it, so it is encoded once here and decoded once by the writer, however many
 * steps (and, on Flink, exchanges) it crosses.
 *
 * <p>It also counts its rows per chunk and emits the counts ({@link #COUNTS}) when its bundle ends,
 * for the partitioning pre-pass: counting here, rather than in a second consumer of the encoded
 * rows, spares one copy and one transfer of every row (on Flink a data set with two consumers is
 * serialised once for each).
 */
final class TimeChunkFn extends DoFn<Object[], KV<Long, byte[]>> {
  /** The encoded rows keyed by chunk start: the main output. */
  static final TupleTag<KV<Long, byte[]>> ROWS = new TupleTag<>() {};
  /** A bundle's row count per chunk start. */
  static final TupleTag<KV<Long, Long>> COUNTS = new TupleTag<>() {};

  private final int timePosition;
  private final TimeChunks chunks;
  /** REPLACE bounds as [start, end) millis pairs; empty when every chunk is allowed. */
  private final long[][] bounds;
  private final List<String> boundStrings;
  private final RowCoder rowCoder;

  /**
   * @param timePosition the row position of the column mapped to {@code __time}, or -1 (then every row is at 0)
   * @param replaceIntervals the REPLACE bounds, or null when every chunk is allowed
   * @param rowCoder the coder of the input rows, which encodes them for transit
   */
  TimeChunkFn(int timePosition, TimeChunks chunks, List<String> replaceIntervals, RowCoder rowCoder) {
    this.timePosition = timePosition;
    this.chunks = chunks;
    this.boundStrings = replaceIntervals == null ? List.of() : List.copyOf(replaceIntervals);
    this.bounds = boundStrings.stream().map(Interval::parse)
        .map(i -> new long[] {i.getStartMillis(), i.getEndMillis()}).toArray(long[][]::new);
    this.rowCoder = rowCoder;
  }

  private transient Map<Long, long[]> counts;

  @StartBundle
  public void startBundle() {
    counts = new HashMap<>();
  }

  private boolean inBounds(long chunkStart) {
    if (bounds.length == 0) {
      return true;
    }
    Interval chunk = chunks.chunk(chunkStart);
    for (long[] bound : bounds) {
      if (bound[0] <= chunk.getStartMillis() && chunk.getEndMillis() <= bound[1]) {
        return true;
      }
    }
    return false;
  }

  @ProcessElement
  public void process(@Element Object[] row, MultiOutputReceiver out) {
    long time = 0;
    if (timePosition >= 0) {
      Object value = row[timePosition];
      if (value == null) {
        throw new FaultException(Fault.insertTimeNull());
      }
      time = ((Number) value).longValue();
    }
    long chunkStart = chunks.chunkStart(time);
    if (!inBounds(chunkStart)) {
      throw new FaultException(Fault.insertTimeOutOfBounds(chunks.chunk(chunkStart).toString(), boundStrings));
    }
    counts.computeIfAbsent(chunkStart, start -> new long[1])[0]++;
    out.get(ROWS).output(KV.of(chunkStart, rowCoder.toBytes(row)));
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    for (Map.Entry<Long, long[]> count : counts.entrySet()) {
      context.output(COUNTS, KV.of(count.getKey(), count.getValue()[0]), BoundedWindow.TIMESTAMP_MIN_VALUE,
          GlobalWindow.INSTANCE);
    }
    counts = null;
  }
}
