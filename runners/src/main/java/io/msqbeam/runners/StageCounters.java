package io.msqbeam.runners;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of the counters of a job: stage number → counter name (e.g. {@code input0}) → field
 * (e.g. {@code rows}) → value, all sorted so reports are deterministic.
 */
public record StageCounters(Map<Integer, Map<String, Map<String, Long>>> values) {
  public static final StageCounters EMPTY = new StageCounters(Map.of());

  public StageCounters {
    TreeMap<Integer, Map<String, Map<String, Long>>> copy = new TreeMap<>();
    values.forEach((stage, counters) -> {
      TreeMap<String, Map<String, Long>> counterCopy = new TreeMap<>();
      counters.forEach((name, fields) -> counterCopy.put(name, Collections.unmodifiableMap(new TreeMap<>(fields))));
      copy.put(stage, Collections.unmodifiableMap(counterCopy));
    });
    values = Collections.unmodifiableMap(copy);
  }

  public long value(int stage, String counter, String field) {
    return values.getOrDefault(stage, Map.of()).getOrDefault(counter, Map.of()).getOrDefault(field, 0L);
  }

  public Map<String, Map<String, Long>> stage(int stage) {
    return values.getOrDefault(stage, Map.of());
  }
}
