package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Druid counters of an in-process job, in the shape runners report (stage → counter → field →
 * value, as the Beam metrics {@code stage<N>}/{@code <counter>.<field>} give them). Each handle is
 * incremented by one thread at a time; anyone may take a snapshot at any time.
 *
 * <p>A counter appears in snapshots only once it was incremented (by zero or more), as a Beam metric
 * does, so both paths report the same set of counters.
 */
public final class InProcessCounters {
  private final ConcurrentMap<Integer, ConcurrentMap<String, ConcurrentMap<String, LongAdder>>> cells =
      new ConcurrentHashMap<>();

  /** A handle on one counter field; cheap to increment, made once per stage and field. */
  public final class Counter {
    private final int stage;
    private final String counter;
    private final String field;
    /** The shared cell, looked up on the first increment so untouched counters stay absent. */
    private LongAdder cell;

    private Counter(int stage, String counter, String field) {
      this.stage = stage;
      this.counter = counter;
      this.field = field;
    }

    public void inc() {
      inc(1);
    }

    public void inc(long n) {
      LongAdder target = cell;
      if (target == null) {
        target = cells.computeIfAbsent(stage, s -> new ConcurrentHashMap<>())
            .computeIfAbsent(counter, c -> new ConcurrentHashMap<>())
            .computeIfAbsent(field, f -> new LongAdder());
        cell = target;
      }
      target.add(n);
    }
  }

  /** A handle on {@code field} of {@code counter} of a stage, e.g. {@code (0, "input0", "rows")}. */
  public Counter counter(int stage, String counter, String field) {
    return new Counter(stage, counter, field);
  }

  /** The {@code output.rows} counter of a stage. */
  Counter outputRows(int stage) {
    return counter(stage, CounterNames.OUTPUT, "rows");
  }

  /** The values so far, sorted by stage, counter and field. */
  public Map<Integer, Map<String, Map<String, Long>>> snapshot() {
    Map<Integer, Map<String, Map<String, Long>>> snapshot = new TreeMap<>();
    cells.forEach((stage, counters) -> {
      Map<String, Map<String, Long>> stageCopy = new TreeMap<>();
      counters.forEach((name, fields) -> {
        Map<String, Long> fieldCopy = new TreeMap<>();
        fields.forEach((field, value) -> fieldCopy.put(field, value.sum()));
        stageCopy.put(name, fieldCopy);
      });
      snapshot.put(stage, stageCopy);
    });
    return snapshot;
  }
}
