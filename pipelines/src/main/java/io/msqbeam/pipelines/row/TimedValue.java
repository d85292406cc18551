package io.msqbeam.pipelines.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * The accumulator of EARLIEST/LATEST, and the value of a COMPLEX pair column ({@code
 * serializablePairLong*}, a rolled-up EARLIEST/LATEST): the time of the row chosen so far and its value (which may be
 * null: Druid keeps a null value of the earliest row rather than skipping it). Rows whose time is
 * null are skipped, as in Druid. When two rows share the time, the one whose value sorts first wins
 * (Druid keeps whichever its scan met first, an order neither execution here has), so that every
 * execution and every merge order gives the same answer. In JSON it is Druid's pair, {@code
 * {"lhs": time, "rhs": value}}, as a stored pair column's values show in a result.
 */
public record TimedValue(@JsonProperty("lhs") long time, @JsonProperty("rhs") Object value) implements Serializable {

  /** The earlier of two accumulators, either of which may be null (no row yet). */
  public static TimedValue earlier(TimedValue current, TimedValue candidate) {
    if (current == null || candidate == null) {
      return current == null ? candidate : current;
    }
    if (candidate.time != current.time) {
      return candidate.time < current.time ? candidate : current;
    }
    return SortedValues.compare(candidate.value, current.value) < 0 ? candidate : current;
  }

  /** The later of two accumulators, either of which may be null (no row yet). */
  public static TimedValue later(TimedValue current, TimedValue candidate) {
    if (current == null || candidate == null) {
      return current == null ? candidate : current;
    }
    if (candidate.time != current.time) {
      return candidate.time > current.time ? candidate : current;
    }
    return SortedValues.compare(candidate.value, current.value) < 0 ? candidate : current;
  }
}
