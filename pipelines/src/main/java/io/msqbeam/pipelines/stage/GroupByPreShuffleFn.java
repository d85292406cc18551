package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.GroupByQuery;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * The per-row part of a groupByPreShuffle stage ({@link GroupByRowProcessor}): the group key and a
 * one-row accumulator for the combiner.
 */
final class GroupByPreShuffleFn extends DoFn<Object[], KV<Object[], Object[]>> {
  private final List<ColumnSignature> inputSignature;
  private final GroupByQuery query;
  private transient GroupByRowProcessor processor;

  GroupByPreShuffleFn(List<ColumnSignature> inputSignature, GroupByQuery query) {
    this.inputSignature = List.copyOf(inputSignature);
    this.query = query;
  }

  @Setup
  public void setup() {
    processor = new GroupByRowProcessor(inputSignature, query);
  }

  @ProcessElement
  public void process(@Element Object[] row, OutputReceiver<KV<Object[], Object[]>> out) {
    Object[] projected = processor.project(row);
    if (projected == null) {
      return;
    }
    for (Object[] key : processor.keys(projected)) {
      Object[] accumulator = processor.aggregators().empty();
      processor.accumulate(accumulator, projected);
      out.output(KV.of(key, accumulator));
    }
  }
}
