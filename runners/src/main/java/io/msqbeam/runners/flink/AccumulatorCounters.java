package io.msqbeam.runners.flink;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.runners.StageCounters;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.runners.core.metrics.MetricsContainerStepMap;
import org.apache.beam.runners.flink.metrics.FlinkMetricContainer;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.flink.api.common.accumulators.AccumulatorHelper;
import org.apache.flink.util.OptionalFailure;
import org.apache.flink.util.SerializedValue;

/**
 * Reads the Beam counters of a Flink job from its accumulators: Beam's Flink runner hands each
 * task's counters over once, as the task ends, in the accumulator
 * {@value FlinkMetricContainer#ACCUMULATOR_NAME}, so the job result holds them all and a running
 * job's accumulators (from the MiniCluster or the cluster's REST API) those of its finished tasks. Counters named as {@link CounterNames} says
 * become a {@link StageCounters} snapshot by worker, summed over steps, the same way the
 * DirectRunner's are.
 */
final class AccumulatorCounters {
  private AccumulatorCounters() {}

  /** From a job result's accumulators, still serialized. */
  static StageCounters fromSerialized(Map<String, SerializedValue<OptionalFailure<Object>>> accumulators,
      ClassLoader classLoader) {
    try {
      return from(AccumulatorHelper.deserializeAndUnwrapAccumulators(accumulators, classLoader));
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Cannot read the Beam metrics accumulator of a Flink job", e);
    }
  }

  /** From accumulators as a {@code ClusterClient} hands them out, deserialized and unwrapped. */
  static StageCounters from(Map<String, Object> accumulators) {
    MetricsContainerStepMap steps = (MetricsContainerStepMap) accumulators.get(FlinkMetricContainer.ACCUMULATOR_NAME);
    if (steps == null) {
      return StageCounters.EMPTY;
    }
    Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> values = new HashMap<>();
    Iterable<MetricResult<Long>> counters = MetricsContainerStepMap.asAttemptedOnlyMetricResults(steps)
        .queryMetrics(MetricsFilter.builder().build()).getCounters();
    for (MetricResult<Long> counter : counters) {
      Optional<CounterNames.Key> key = CounterNames.parse(counter.getName().getNamespace(), counter.getName().getName());
      if (key.isPresent() && counter.getAttempted() != null) {
        StageCounters.add(values, key.get(), counter.getAttempted());
      }
    }
    return StageCounters.byWorker(values);
  }
}
