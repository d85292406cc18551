package io.msqbeam.runners;

import io.msqbeam.pipelines.counters.CounterNames;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;

/** Turns Beam metrics named as {@link CounterNames} says into a {@link StageCounters} snapshot. */
final class BeamCounters {
  private BeamCounters() {}

  /** From a Beam job's metrics: committed values when the runner has them, attempted ones otherwise. */
  static StageCounters from(MetricQueryResults results, boolean committed) {
    Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> values = new TreeMap<>();
    for (MetricResult<Long> counter : results.getCounters()) {
      Optional<CounterNames.Key> key = CounterNames.parse(counter.getName().getNamespace(), counter.getName().getName());
      Long value = committed ? safeCommitted(counter) : counter.getAttempted();
      if (key.isPresent() && value != null) {
        StageCounters.add(values, key.get(), value);
      }
    }
    return StageCounters.byWorker(values);
  }

  private static Long safeCommitted(MetricResult<Long> counter) {
    try {
      return counter.getCommitted();
    } catch (UnsupportedOperationException e) {
      return counter.getAttempted();
    }
  }
}
