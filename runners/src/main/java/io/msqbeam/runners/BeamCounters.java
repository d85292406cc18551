package io.msqbeam.runners;

import io.msqbeam.pipelines.counters.CounterNames;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;

/** Turns Beam metrics named {@code stage<N>}/{@code <counter>.<field>} into a {@link StageCounters} snapshot. */
final class BeamCounters {
  private BeamCounters() {}

  static StageCounters from(MetricQueryResults results, boolean committed) {
    Map<Integer, Map<String, Map<String, Long>>> values = new HashMap<>();
    for (MetricResult<Long> counter : results.getCounters()) {
      String namespace = counter.getName().getNamespace();
      if (!namespace.startsWith("stage")) {
        continue;
      }
      int stage = Integer.parseInt(namespace.substring("stage".length()));
      String name = counter.getName().getName();
      int dot = name.indexOf('.');
      if (dot < 0) {
        continue;
      }
      Long value = committed ? safeCommitted(counter) : counter.getAttempted();
      if (value == null) {
        continue;
      }
      values.computeIfAbsent(stage, s -> new HashMap<>())
          .computeIfAbsent(name.substring(0, dot), c -> new HashMap<>())
          .merge(name.substring(dot + 1), value, Long::sum);
    }
    return new StageCounters(values);
  }

  private static Long safeCommitted(MetricResult<Long> counter) {
    try {
      return counter.getCommitted();
    } catch (UnsupportedOperationException e) {
      return counter.getAttempted();
    }
  }

}
