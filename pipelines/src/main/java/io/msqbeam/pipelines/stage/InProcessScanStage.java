package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ScanQuery;
import java.util.List;

/** A scan stage run in-process: {@link ScanRowProcessor} on each row, streamed to the next stage. */
final class InProcessScanStage implements InProcessRowSink {
  private final ScanRowProcessor processor;
  private final InProcessCounters.Counter outputRows;
  private final InProcessRowSink downstream;

  InProcessScanStage(int stageNumber, List<ColumnSignature> inputSignature, ScanQuery query,
      InProcessCounters counters, InProcessRowSink downstream) {
    this.processor = ScanRowProcessor.of(inputSignature, query);
    this.outputRows = counters.outputRows(stageNumber);
    this.downstream = downstream;
  }

  @Override
  public void accept(Object[] row) {
    Object[] projected = processor.process(row);
    if (projected != null) {
      outputRows.inc();
      downstream.accept(projected);
    }
  }

  @Override
  public void finish() {
    downstream.finish();
  }

  @Override
  public boolean isSatisfied() {
    return downstream.isSatisfied();
  }
}
