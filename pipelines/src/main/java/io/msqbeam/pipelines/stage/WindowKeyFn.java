package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.WindowProcessor;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** Keys a window stage's input rows by the window's partition columns. */
final class WindowKeyFn extends DoFn<Object[], KV<Object[], Object[]>> {
  private final WindowProcessor window;
  private final List<ColumnSignature> inputSignature;
  private transient WindowRows rows;

  WindowKeyFn(WindowProcessor window, List<ColumnSignature> inputSignature) {
    this.window = window;
    this.inputSignature = List.copyOf(inputSignature);
  }

  @Setup
  public void setup() {
    rows = new WindowRows(window, inputSignature);
  }

  @ProcessElement
  public void process(@Element Object[] row, OutputReceiver<KV<Object[], Object[]>> out) {
    out.output(KV.of(rows.partitionKey(row), row));
  }
}
