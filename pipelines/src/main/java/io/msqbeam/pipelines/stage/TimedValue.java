package io.msqbeam.pipelines.stage;

import java.io.Serializable;

/**
 * The accumulator of EARLIEST/LATEST: the time of the row chosen so far and its value (which may be
 * null: Druid keeps a null value of the earliest row rather than skipping it). Rows whose time is
 * null are skipped, as in Druid. When two rows share the time, the one whose value sorts first wins
 * (Druid keeps whichever its scan met first, an order neither execution here has), so that every
 * execution and every merge order gives the same answer.
 */
record TimedValue(long time, Object value) implements Serializable {

  /** The earlier of two accumulators, either of which may be null (no row yet). */
  static TimedValue earlier(TimedValue current, TimedValue candidate) {
    if (current == null || candidate == null) {
      return current == null ? candidate : current;
    }
    if (candidate.time != current.time) {
      return candidate.time < current.time ? candidate : current;
    }
    return SortedValues.compare(candidate.value, current.value) < 0 ? candidate : current;
  }

  /** The later of two accumulators, either of which may be null (no row yet). */
  static TimedValue later(TimedValue current, TimedValue candidate) {
    if (current == null || candidate == null) {
      return current == null ? candidate : current;
    }
    if (candidate.time != current.time) {
      return candidate.time > current.time ? candidate : current;
    }
    return SortedValues.compare(candidate.value, current.value) < 0 ? candidate : current;
  }
}
