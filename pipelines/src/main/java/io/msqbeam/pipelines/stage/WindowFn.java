package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.counters.StageCounter;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.WindowProcessor;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** A window stage on Beam: one partition's rows, gathered by key, through {@link WindowRows}. */
final class WindowFn extends DoFn<KV<Object[], Iterable<Object[]>>, Object[]> {
  private final WindowProcessor window;
  private final List<ColumnSignature> inputSignature;
  private final Counter outputRows;
  private transient WindowRows rows;

  WindowFn(int stageNumber, WindowProcessor window, List<ColumnSignature> inputSignature) {
    this.window = window;
    this.inputSignature = List.copyOf(inputSignature);
    this.outputRows = StageCounter.of(stageNumber, CounterNames.OUTPUT, "rows");
  }

  @Setup
  public void setup() {
    rows = new WindowRows(window, inputSignature);
  }

  @ProcessElement
  public void process(@Element KV<Object[], Iterable<Object[]>> partition, OutputReceiver<Object[]> out) {
    List<Object[]> held = new ArrayList<>();
    for (Object[] row : partition.getValue()) {
      held.add(row);
      rows.checkSize(held.size());
    }
    rows.process(held, row -> {
      outputRows.inc();
      out.output(row);
    });
  }
}
