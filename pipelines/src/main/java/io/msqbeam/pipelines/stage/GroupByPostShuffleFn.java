package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import io.msqbeam.pipelines.expr.RowExpression;
import io.msqbeam.translator.plan.GroupByQuery;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** Turns a combined group into an output row (dimensions, then aggregates) and applies HAVING. */
final class GroupByPostShuffleFn extends DoFn<KV<Object[], Object[]>, Object[]> {
  private final Counter outputRows;
  private final GroupByQuery query;
  private transient RowExpression having;

  GroupByPostShuffleFn(int stageNumber, GroupByQuery query) {
    this.query = query;
    this.outputRows = Metrics.counter(CounterNames.namespace(stageNumber),
        CounterNames.name(CounterNames.OUTPUT, "rows"));
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
      outputRows.inc();
      out.output(row);
    }
  }
}
