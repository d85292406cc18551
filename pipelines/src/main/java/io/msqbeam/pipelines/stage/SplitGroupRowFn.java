package io.msqbeam.pipelines.stage;

import java.util.Arrays;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** Splits a combined group row (dimensions, then aggregates) back into key and aggregates. */
final class SplitGroupRowFn extends DoFn<Object[], KV<Object[], Object[]>> {
  private final int keys;

  SplitGroupRowFn(int keys) {
    this.keys = keys;
  }

  @ProcessElement
  public void process(@Element Object[] row, OutputReceiver<KV<Object[], Object[]>> out) {
    out.output(KV.of(Arrays.copyOfRange(row, 0, keys), Arrays.copyOfRange(row, keys, row.length)));
  }
}
