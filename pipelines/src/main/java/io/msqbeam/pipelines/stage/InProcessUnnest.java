package io.msqbeam.pipelines.stage;

/** An {@code unnest} data source run in-process: each row through {@link UnnestRows}, streamed on. */
final class InProcessUnnest implements InProcessRowSink {
  private final UnnestRows rows;
  private final InProcessRowSink downstream;

  InProcessUnnest(UnnestRows rows, InProcessRowSink downstream) {
    this.rows = rows;
    this.downstream = downstream;
  }

  @Override
  public void accept(Object[] row) {
    rows.expand(row, downstream::accept);
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
