package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** Keys each row by the start of its time chunk; a null {@code __time} fails the task with InsertTimeNull. */
final class TimeChunkFn extends DoFn<Object[], KV<Long, Object[]>> {
  private final int timePosition;
  private final TimeChunks chunks;
  /** REPLACE bounds as [start, end) millis pairs; empty when every chunk is allowed. */
  private final long[][] bounds;
  private final java.util.List<String> boundStrings;

  /** @param timePosition the row position of the column mapped to {@code __time}, or -1 (then every row is at 0) */
  TimeChunkFn(int timePosition, TimeChunks chunks, java.util.List<String> replaceIntervals) {
    this.timePosition = timePosition;
    this.chunks = chunks;
    this.boundStrings = replaceIntervals == null ? java.util.List.of() : java.util.List.copyOf(replaceIntervals);
    this.bounds = boundStrings.stream().map(org.joda.time.Interval::parse)
        .map(i -> new long[] {i.getStartMillis(), i.getEndMillis()}).toArray(long[][]::new);
  }

  private boolean inBounds(long chunkStart) {
    if (bounds.length == 0) {
      return true;
    }
    org.joda.time.Interval chunk = chunks.chunk(chunkStart);
    for (long[] bound : bounds) {
      if (bound[0] <= chunk.getStartMillis() && chunk.getEndMillis() <= bound[1]) {
        return true;
      }
    }
    return false;
  }

  @ProcessElement
  public void process(@Element Object[] row, OutputReceiver<KV<Long, Object[]>> out) {
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
    out.output(KV.of(chunkStart, row));
  }
}
