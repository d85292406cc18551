package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.row.RowCoder;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** Keys each encoded, time-chunked row by its range key ({@link RangeKeys}), decoding only the key's columns. */
final class RangeKeyFn extends DoFn<KV<Long, byte[]>, KV<Long, List<String>>> {
  private final RowCoder rowCoder;
  private final int[] positions;

  /** @param positions the row positions of the range dimensions, in order */
  RangeKeyFn(RowCoder rowCoder, int[] positions) {
    this.rowCoder = rowCoder;
    this.positions = positions.clone();
  }

  @ProcessElement
  public void process(@Element KV<Long, byte[]> row, OutputReceiver<KV<Long, List<String>>> out) {
    out.output(KV.of(row.getKey(), rowCoder.stringValues(row.getValue(), positions)));
  }
}
