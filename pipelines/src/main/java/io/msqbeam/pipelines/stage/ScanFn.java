package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.counters.StageCounter;
import org.apache.beam.sdk.metrics.Counter;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ScanQuery;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;

/** Runs a scan stage's filter and projection over each input row. */
final class ScanFn extends DoFn<Object[], Object[]> {
  private final Counter outputRows;
  private final List<ColumnSignature> inputSignature;
  private final ScanQuery query;
  private transient ScanRowProcessor processor;

  ScanFn(int stageNumber, List<ColumnSignature> inputSignature, ScanQuery query) {
    this.inputSignature = List.copyOf(inputSignature);
    this.query = query;
    this.outputRows = StageCounter.of(stageNumber, CounterNames.OUTPUT, "rows");
  }

  @Setup
  public void setup() {
    processor = ScanRowProcessor.of(inputSignature, query);
  }

  @ProcessElement
  public void process(@Element Object[] row, OutputReceiver<Object[]> out) {
    Object[] projected = processor.process(row);
    if (projected != null) {
      outputRows.inc();
      out.output(projected);
    }
  }
}
