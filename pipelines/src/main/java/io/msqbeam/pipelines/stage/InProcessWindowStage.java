package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.WindowProcessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A window stage run in-process: rows held by partition until the input ends ({@link WindowRows}
 * bounds each partition as Druid does; all held rows are bounded by {@link InProcessLimits}), then
 * each partition goes through the window functions.
 */
final class InProcessWindowStage implements InProcessRowSink {
  private final int stageNumber;
  private final WindowRows rows;
  private final int maxBufferedRows;
  private final InProcessCounters.Counter outputRows;
  private final InProcessRowSink downstream;
  private final Map<List<Object>, List<Object[]>> partitions = new LinkedHashMap<>();
  private int held;

  InProcessWindowStage(int stageNumber, WindowProcessor window, List<ColumnSignature> inputSignature,
      InProcessLimits limits, InProcessCounters counters, InProcessRowSink downstream) {
    this.stageNumber = stageNumber;
    this.rows = new WindowRows(window, inputSignature);
    this.maxBufferedRows = limits.maxBufferedRows();
    this.outputRows = counters.outputRows(stageNumber);
    this.downstream = downstream;
  }

  @Override
  public void accept(Object[] row) {
    List<Object[]> partition = partitions.computeIfAbsent(Arrays.asList(rows.partitionKey(row)), k -> new ArrayList<>());
    partition.add(row);
    rows.checkSize(partition.size());
    if (++held > maxBufferedRows) {
      throw InProcessRefusalException.limitExceeded(stageNumber, "window rows held", maxBufferedRows);
    }
  }

  @Override
  public void finish() {
    for (List<Object[]> partition : partitions.values()) {
      rows.process(partition, row -> {
        outputRows.inc();
        downstream.accept(row);
      });
    }
    partitions.clear();
    downstream.finish();
  }
}
