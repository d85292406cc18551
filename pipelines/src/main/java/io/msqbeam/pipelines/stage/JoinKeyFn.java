package io.msqbeam.pipelines.stage;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Keys one side of a sort-merge join by its join key. A row whose key can match nothing gets the
 * all-null key, under which the join only keeps rows unmatched.
 */
final class JoinKeyFn extends DoFn<Object[], KV<Object[], Object[]>> {
  private final JoinSpec spec;
  private final boolean left;
  private transient JoinRows rows;

  JoinKeyFn(JoinSpec spec, boolean left) {
    this.spec = spec;
    this.left = left;
  }

  @Setup
  public void setup() {
    rows = spec.rows();
  }

  @ProcessElement
  public void process(@Element Object[] row, OutputReceiver<KV<Object[], Object[]>> out) {
    Object[] key = left ? rows.leftKey(row) : rows.rightKey(row);
    out.output(KV.of(key == null ? new Object[rows.keyTypes().size()] : key, row));
  }
}
