package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.AggregatorSpec;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Combines the partial aggregates of one group. Beam lifts it before the shuffle (Druid's
 * groupByPreShuffle) and finishes it after (groupByPostShuffle), so one group's rows never have to
 * meet in one place. Inputs are already accumulators of one row each.
 */
final class AggregatorsCombineFn extends Combine.CombineFn<Object[], Object[], Object[]> {
  private final Aggregators aggregators;
  private final List<AggregatorSpec> specs;

  AggregatorsCombineFn(List<AggregatorSpec> specs) {
    this.aggregators = new Aggregators(specs);
    this.specs = List.copyOf(specs);
  }

  @Override
  public Object[] createAccumulator() {
    return aggregators.empty();
  }

  @Override
  public Object[] addInput(Object[] accumulator, Object[] input) {
    aggregators.merge(accumulator, input);
    return accumulator;
  }

  @Override
  public Object[] mergeAccumulators(Iterable<Object[]> accumulators) {
    Object[] merged = aggregators.empty();
    for (Object[] accumulator : accumulators) {
      aggregators.merge(merged, accumulator);
    }
    return merged;
  }

  @Override
  public Object[] extractOutput(Object[] accumulator) {
    return accumulator;
  }

  @Override
  public Coder<Object[]> getAccumulatorCoder(CoderRegistry registry, Coder<Object[]> inputCoder) {
    return new AccumulatorCoder(specs);
  }

  @Override
  public Coder<Object[]> getDefaultOutputCoder(CoderRegistry registry, Coder<Object[]> inputCoder) {
    return new AccumulatorCoder(specs);
  }
}
