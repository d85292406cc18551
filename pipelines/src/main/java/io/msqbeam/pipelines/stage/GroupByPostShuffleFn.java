package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.counters.StageCounter;
import io.msqbeam.translator.plan.GroupByQuery;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** Turns a combined group into an output row and applies HAVING ({@link GroupRowProcessor}). */
final class GroupByPostShuffleFn extends DoFn<KV<Object[], Object[]>, Object[]> {
  private final Counter outputRows;
  private final GroupByQuery query;
  private transient GroupRowProcessor processor;

  /** Whether this finishes a groupByPreShuffle stage (finalizing accumulators) rather than a post-shuffle one. */
  private final boolean preShuffle;

  static GroupByPostShuffleFn finishingPreShuffle(int stageNumber, GroupByQuery query) {
    return new GroupByPostShuffleFn(stageNumber, query, true);
  }

  GroupByPostShuffleFn(int stageNumber, GroupByQuery query) {
    this(stageNumber, query, false);
  }

  private GroupByPostShuffleFn(int stageNumber, GroupByQuery query, boolean preShuffle) {
    this.preShuffle = preShuffle;
    this.query = query;
    this.outputRows = StageCounter.of(stageNumber, CounterNames.OUTPUT, "rows");
  }

  @Setup
  public void setup() {
    processor = preShuffle ? GroupRowProcessor.withoutHaving(query) : GroupRowProcessor.of(query);
  }

  @ProcessElement
  public void process(@Element KV<Object[], Object[]> group, OutputReceiver<Object[]> out) {
    Object[] row = processor.process(group.getKey(), group.getValue());
    if (row != null) {
      outputRows.inc();
      out.output(row);
    }
  }
}
