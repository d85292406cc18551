package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.UnnestDataSource;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;

/** An {@code unnest} data source on Beam: each row through {@link UnnestRows}. */
final class UnnestFn extends DoFn<Object[], Object[]> {
  private final UnnestDataSource unnest;
  private final List<ColumnSignature> baseSignature;
  private transient UnnestRows rows;

  UnnestFn(UnnestDataSource unnest, List<ColumnSignature> baseSignature) {
    this.unnest = unnest;
    this.baseSignature = List.copyOf(baseSignature);
  }

  @Setup
  public void setup() {
    rows = new UnnestRows(unnest, baseSignature);
  }

  @ProcessElement
  public void process(@Element Object[] row, OutputReceiver<Object[]> out) {
    rows.expand(row, out::output);
  }
}
