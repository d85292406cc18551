package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** Keys each row by the start of its time chunk; a null {@code __time} fails the task with InsertTimeNull. */
final class TimeChunkFn extends DoFn<Object[], KV<Long, Object[]>> {
  private final int timePosition;
  private final TimeChunks chunks;

  /** @param timePosition the row position of the column mapped to {@code __time}, or -1 (then every row is at 0) */
  TimeChunkFn(int timePosition, TimeChunks chunks) {
    this.timePosition = timePosition;
    this.chunks = chunks;
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
    out.output(KV.of(chunks.chunkStart(time), row));
  }
}
