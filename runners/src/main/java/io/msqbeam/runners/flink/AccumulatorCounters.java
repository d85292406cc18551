package io.msqbeam.runners.flink;

import io.msqbeam.runners.StageCounters;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.runners.core.metrics.MetricsContainerStepMap;
import org.apache.beam.runners.flink.metrics.FlinkMetricContainer;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.flink.util.OptionalFailure;
import org.apache.flink.util.SerializedValue;

/**
 * Reads the Beam counters of a Flink job from its accumulators: Beam's Flink runner hands each
 * task's counters over once, as the task ends, in the accumulator
 * {@value FlinkMetricContainer#ACCUMULATOR_NAME}, so the job result holds them all and a running
 * job's execution graph those of its finished tasks. Counters named {@code stage<N>}/{@code
 * <counter>.<field>} become a {@link StageCounters} snapshot, summed over steps, the same way the
 * DirectRunner's are.
 */
final class AccumulatorCounters {
  private AccumulatorCounters() {}

  static StageCounters from(Map<String, SerializedValue<OptionalFailure<Object>>> accumulators, ClassLoader classLoader) {
    SerializedValue<OptionalFailure<Object>> serialized = accumulators.get(FlinkMetricContainer.ACCUMULATOR_NAME);
    if (serialized == null) {
      return StageCounters.EMPTY;
    }
    MetricsContainerStepMap steps;
    try {
      steps = (MetricsContainerStepMap) serialized.deserializeValue(classLoader).getUnchecked();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Cannot read the Beam metrics accumulator of a Flink job", e);
    }
    Map<Integer, Map<String, Map<String, Long>>> values = new HashMap<>();
    Iterable<MetricResult<Long>> counters = MetricsContainerStepMap.asAttemptedOnlyMetricResults(steps)
        .queryMetrics(MetricsFilter.builder().build()).getCounters();
    for (MetricResult<Long> counter : counters) {
      String namespace = counter.getName().getNamespace();
      String name = counter.getName().getName();
      int dot = name.indexOf('.');
      if (!namespace.startsWith("stage") || dot < 0 || counter.getAttempted() == null) {
        continue;
      }
      values.computeIfAbsent(Integer.parseInt(namespace.substring("stage".length())), s -> new HashMap<>())
          .computeIfAbsent(name.substring(0, dot), c -> new HashMap<>())
          .merge(name.substring(dot + 1), counter.getAttempted(), Long::sum);
    }
    return new StageCounters(values);
  }
}
