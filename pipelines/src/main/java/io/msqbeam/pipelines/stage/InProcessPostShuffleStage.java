package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.GroupByQuery;
import java.util.Arrays;

/**
 * A groupByPostShuffle stage run in-process. Its input rows are already whole groups (the
 * pre-shuffle stage's map combined them), so what is left is what the Beam stage does after its
 * split: HAVING and post-aggregations ({@link GroupRowProcessor}).
 */
final class InProcessPostShuffleStage implements InProcessRowSink {
  private final int keys;
  private final GroupRowProcessor processor;
  private final InProcessCounters.Counter outputRows;
  private final InProcessRowSink downstream;

  InProcessPostShuffleStage(int stageNumber, GroupByQuery query, InProcessCounters counters,
      InProcessRowSink downstream) {
    this.keys = query.dimensions().size();
    this.processor = GroupRowProcessor.of(query);
    this.outputRows = counters.outputRows(stageNumber);
    this.downstream = downstream;
  }

  @Override
  public void accept(Object[] group) {
    Object[] row = processor.process(Arrays.copyOfRange(group, 0, keys), Arrays.copyOfRange(group, keys, group.length));
    if (row != null) {
      outputRows.inc();
      downstream.accept(row);
    }
  }

  @Override
  public void finish() {
    downstream.finish();
  }
}
