package io.msqbeam.pipelines.stage;

/**
 * A limit stage run in-process: the previous stage's rows sorted by its shuffle key, with offset and
 * limit ({@link SortedLimit}: a bounded heap with a limit, every row without). Held rows are bounded
 * by {@link InProcessLimits#maxBufferedRows()}. Without a sort key it is satisfied as soon as it holds
 * enough rows, which lets a scan with LIMIT stop reading early.
 */
final class InProcessLimitStage implements InProcessRowSink {
  private final int stageNumber;
  private final SortedLimit rows;
  private final int maxBufferedRows;
  private final InProcessCounters.Counter outputRows;
  private final InProcessRowSink downstream;

  InProcessLimitStage(int stageNumber, RowOrdering ordering, Long offset, Long limit, InProcessLimits limits,
      InProcessCounters counters, InProcessRowSink downstream) {
    this.stageNumber = stageNumber;
    this.rows = new SortedLimit(ordering, offset, limit);
    this.maxBufferedRows = limits.maxBufferedRows();
    this.outputRows = counters.outputRows(stageNumber);
    this.downstream = downstream;
  }

  @Override
  public void accept(Object[] row) {
    rows.add(row);
    if (rows.buffered() > maxBufferedRows) {
      throw InProcessRefusalException.limitExceeded(stageNumber, "rows held to sort", maxBufferedRows);
    }
  }

  @Override
  public void finish() {
    for (Object[] row : rows.rows()) {
      outputRows.inc();
      downstream.accept(row);
    }
    downstream.finish();
  }

  @Override
  public boolean isSatisfied() {
    return rows.isSatisfied();
  }
}
