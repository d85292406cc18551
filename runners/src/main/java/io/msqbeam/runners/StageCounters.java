package io.msqbeam.runners;

import io.msqbeam.pipelines.counters.CounterNames;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A snapshot of the counters of a job, as Druid reports them: stage number → worker number →
 * counter name (e.g. {@code input0}) → field (e.g. {@code rows}) → value, all sorted so reports are
 * deterministic. {@link #value} and {@link #stage} add up the workers.
 */
public final class StageCounters {
  public static final StageCounters EMPTY = new StageCounters(Map.of());

  private final Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> byWorker;

  private StageCounters(Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> byWorker, boolean copy) {
    this.byWorker = copy ? sortedCopy(byWorker) : byWorker;
  }

  /** Counters all counted by worker 0: stage → counter → field → value. */
  public StageCounters(Map<Integer, Map<String, Map<String, Long>>> values) {
    this(withWorkerZero(values), true);
  }

  /** Counters by worker: stage → worker → counter → field → value. */
  public static StageCounters byWorker(Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> values) {
    return new StageCounters(values, true);
  }

  /** A builder-friendly accumulator: adds {@code value} to a counter field of a worker. */
  public static void add(Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> values, CounterNames.Key key,
      long value) {
    values.computeIfAbsent(key.stage(), s -> new TreeMap<>())
        .computeIfAbsent(key.worker(), w -> new TreeMap<>())
        .computeIfAbsent(key.counter(), c -> new TreeMap<>())
        .merge(key.field(), value, Long::sum);
  }

  /** Stage → worker → counter → field → value. */
  public Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> byWorker() {
    return byWorker;
  }

  /** Stage → counter → field → value, summed over the workers. */
  public Map<Integer, Map<String, Map<String, Long>>> values() {
    Map<Integer, Map<String, Map<String, Long>>> totals = new TreeMap<>();
    byWorker.keySet().forEach(stage -> totals.put(stage, stage(stage)));
    return Collections.unmodifiableMap(totals);
  }

  /** A field of a counter of a stage, summed over the workers. */
  public long value(int stage, String counter, String field) {
    long total = 0;
    for (Map<String, Map<String, Long>> worker : byWorker.getOrDefault(stage, Map.of()).values()) {
      total += worker.getOrDefault(counter, Map.of()).getOrDefault(field, 0L);
    }
    return total;
  }

  /** The counters of a stage, summed over the workers. */
  public Map<String, Map<String, Long>> stage(int stage) {
    Map<String, Map<String, Long>> total = new TreeMap<>();
    byWorker.getOrDefault(stage, Map.of()).values().forEach(worker -> worker.forEach((counter, fields) ->
        fields.forEach((field, value) -> total.computeIfAbsent(counter, c -> new TreeMap<>()).merge(field, value, Long::sum))));
    return total;
  }

  /** The workers that counted something in a stage, in order. */
  public Set<Integer> workers(int stage) {
    return byWorker.getOrDefault(stage, Map.of()).keySet();
  }

  /** Only what worker {@code worker} counted, in every stage (still as that worker's). */
  public StageCounters ofWorker(int worker) {
    Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> only = new TreeMap<>();
    byWorker.forEach((stage, workers) -> {
      Map<String, Map<String, Long>> counters = workers.get(worker);
      if (counters != null) {
        only.put(stage, Map.of(worker, counters));
      }
    });
    return new StageCounters(only, true);
  }

  /** Each counter field of either snapshot, per worker, at its larger value: a report never goes back. */
  public static StageCounters atLeast(StageCounters earlier, StageCounters later) {
    Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> values = new TreeMap<>();
    for (StageCounters counters : new StageCounters[] {earlier, later}) {
      counters.byWorker.forEach((stage, workers) -> workers.forEach((worker, stageCounters) ->
          stageCounters.forEach((counter, fields) -> fields.forEach((field, value) ->
              values.computeIfAbsent(stage, s -> new TreeMap<>())
                  .computeIfAbsent(worker, w -> new TreeMap<>())
                  .computeIfAbsent(counter, c -> new TreeMap<>())
                  .merge(field, value, Math::max)))));
    }
    return new StageCounters(values, true);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StageCounters counters && byWorker.equals(counters.byWorker);
  }

  @Override
  public int hashCode() {
    return Objects.hash(byWorker);
  }

  @Override
  public String toString() {
    return "StageCounters" + byWorker;
  }

  private static Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> withWorkerZero(
      Map<Integer, Map<String, Map<String, Long>>> values) {
    Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> byWorker = new TreeMap<>();
    values.forEach((stage, counters) -> byWorker.put(stage, Map.of(0, counters)));
    return byWorker;
  }

  private static Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> sortedCopy(
      Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> values) {
    TreeMap<Integer, Map<Integer, Map<String, Map<String, Long>>>> copy = new TreeMap<>();
    values.forEach((stage, workers) -> {
      TreeMap<Integer, Map<String, Map<String, Long>>> workerCopy = new TreeMap<>();
      workers.forEach((worker, counters) -> {
        TreeMap<String, Map<String, Long>> counterCopy = new TreeMap<>();
        counters.forEach((name, fields) -> counterCopy.put(name, Collections.unmodifiableMap(new TreeMap<>(fields))));
        workerCopy.put(worker, Collections.unmodifiableMap(counterCopy));
      });
      copy.put(stage, Collections.unmodifiableMap(workerCopy));
    });
    return Collections.unmodifiableMap(copy);
  }
}
