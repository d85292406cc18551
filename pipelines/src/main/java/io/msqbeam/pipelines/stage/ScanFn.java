package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ScanQuery;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;

/** Runs a scan stage's filter and projection over each input row. */
final class ScanFn extends DoFn<Object[], Object[]> {
  private final List<ColumnSignature> inputSignature;
  private final ScanQuery query;
  private transient ScanRowProcessor processor;

  ScanFn(List<ColumnSignature> inputSignature, ScanQuery query) {
    this.inputSignature = List.copyOf(inputSignature);
    this.query = query;
  }

  @Setup
  public void setup() {
    processor = new ScanRowProcessor(inputSignature, query.virtualColumns(),
        query.filter() == null ? null : query.filter().expression(), query.columns());
  }

  @ProcessElement
  public void process(@Element Object[] row, OutputReceiver<Object[]> out) {
    Object[] projected = processor.process(row);
    if (projected != null) {
      out.output(projected);
    }
  }
}
