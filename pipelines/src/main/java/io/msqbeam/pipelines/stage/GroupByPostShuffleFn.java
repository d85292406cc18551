package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.expr.RowExpression;
import io.msqbeam.translator.plan.GroupByQuery;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** Turns a combined group into an output row (dimensions, then aggregates) and applies HAVING. */
final class GroupByPostShuffleFn extends DoFn<KV<Object[], Object[]>, Object[]> {
  private final GroupByQuery query;
  private transient RowExpression having;

  GroupByPostShuffleFn(GroupByQuery query) {
    this.query = query;
  }

  @Setup
  public void setup() {
    having = query.having() == null ? null : new RowExpression(query.having().expression(), query.outputSignature());
  }

  @ProcessElement
  public void process(@Element KV<Object[], Object[]> group, OutputReceiver<Object[]> out) {
    Object[] key = group.getKey();
    Object[] aggregates = group.getValue();
    Object[] row = new Object[key.length + aggregates.length];
    System.arraycopy(key, 0, row, 0, key.length);
    System.arraycopy(aggregates, 0, row, key.length, aggregates.length);
    if (having == null || having.test(row)) {
      out.output(row);
    }
  }
}
