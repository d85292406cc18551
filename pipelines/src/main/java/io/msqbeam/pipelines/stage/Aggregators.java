package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.row.SortedValues;
import io.msqbeam.pipelines.row.TimedValue;
import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.AggregatorType;
import io.msqbeam.translator.plan.ColumnSignature;
import java.io.Serializable;
import java.util.List;
import org.apache.druid.hll.HyperLogLogCollector;
import org.apache.druid.java.util.common.StringUtils;

/**
 * The arithmetic of a groupBy's aggregators over accumulator arrays (one slot per aggregator):
 * SQL-compatible nulls, so SUM/MIN/MAX over only nulls stay null and COUNT starts at 0. Besides
 * numbers and sketches, a slot may hold a {@link TimedValue} (EARLIEST/LATEST) or
 * {@link CollectedValues} (ARRAY_AGG/STRING_AGG), finished by {@link #finalizeValues}.
 */
final class Aggregators implements Serializable {
  private final AggregatorSpec[] specs;

  Aggregators(List<AggregatorSpec> specs) {
    this.specs = specs.toArray(AggregatorSpec[]::new);
  }

  int size() {
    return specs.length;
  }

  /** Positions in the input row of each aggregator's field (-1 for COUNT). */
  int[] fieldPositions(List<ColumnSignature> inputSignature) {
    List<String> names = inputSignature.stream().map(ColumnSignature::name).toList();
    int[] positions = new int[specs.length];
    for (int i = 0; i < specs.length; i++) {
      positions[i] = specs[i].fieldName() == null ? -1 : names.indexOf(specs[i].fieldName());
    }
    return positions;
  }

  Object[] empty() {
    Object[] accumulator = new Object[specs.length];
    for (int i = 0; i < specs.length; i++) {
      accumulator[i] = switch (specs[i].type()) {
        case COUNT -> 0L;
        default -> null;
      };
    }
    return accumulator;
  }

  /** {@link #add(Object[], Object[], Object[], boolean[])} for aggregators that need no row time. */
  void add(Object[] accumulator, Object[] values, boolean[] included) {
    add(accumulator, values, new Object[specs.length], included);
  }

  /**
   * Adds one raw input value per aggregator, for the aggregators whose filter passed ({@code included});
   * COUNT of a field counts only its non-null values. {@code times} holds each EARLIEST/LATEST
   * aggregator's row time (null elsewhere).
   */
  void add(Object[] accumulator, Object[] values, Object[] times, boolean[] included) {
    for (int i = 0; i < specs.length; i++) {
      if (!included[i]) {
        continue;
      }
      AggregatorType type = specs[i].type();
      if (type.isTimed()) {
        if (values[i] instanceof TimedValue pair) {
          // A stored first/last metric: its pair's own time decides, not the row's (Druid folds pairs).
          TimedValue row = new TimedValue(pair.time(), typed(i, pair.value()));
          accumulator[i] = type.isFirst() ? TimedValue.earlier((TimedValue) accumulator[i], row)
              : TimedValue.later((TimedValue) accumulator[i], row);
        } else if (times[i] != null) {
          // Druid skips rows whose time is null.
          TimedValue row = new TimedValue(((Number) times[i]).longValue(), typed(i, values[i]));
          accumulator[i] = type.isFirst() ? TimedValue.earlier((TimedValue) accumulator[i], row)
              : TimedValue.later((TimedValue) accumulator[i], row);
        }
      } else if (type.isAny()) {
        accumulator[i] = anyOf(accumulator[i], typed(i, values[i]));
      } else if (type.isCollecting()) {
        accumulator[i] = CollectedValues.add(specs[i], (CollectedValues) accumulator[i], values[i]);
      } else {
        accumulator[i] = switch (type) {
          case COUNT -> specs[i].fieldName() != null && values[i] == null ? accumulator[i] : (Long) accumulator[i] + 1;
          case CARDINALITY -> DistinctSketches.add((HyperLogLogCollector) accumulator[i], values[i]);
          default -> combineOne(i, accumulator[i], values[i]);
        };
      }
    }
  }

  /** The values a group finally shows: sketches become estimates, EARLIEST/LATEST their value, collections theirs. */
  Object[] finalizeValues(Object[] accumulator) {
    return finalizeIntermediates(intermediateValues(accumulator));
  }

  /**
   * The values a group shows unfinalized (Druid's {@code finalize: false}): EARLIEST/LATEST keep their
   * time-value pair and APPROX_COUNT_DISTINCT its sketch, as a rollup metric stores them; collections
   * are finished, since they have no stored form.
   */
  Object[] intermediateValues(Object[] accumulator) {
    Object[] out = accumulator.clone();
    for (int i = 0; i < specs.length; i++) {
      if (specs[i].type().isCollecting()) {
        out[i] = CollectedValues.finish(specs[i], (CollectedValues) accumulator[i]);
      }
    }
    return out;
  }

  /** Finalizes {@link #intermediateValues}: a sketch becomes its estimate, a pair its value. */
  Object[] finalizeIntermediates(Object[] values) {
    Object[] out = values.clone();
    for (int i = 0; i < specs.length; i++) {
      AggregatorType type = specs[i].type();
      if (type == AggregatorType.CARDINALITY) {
        out[i] = DistinctSketches.estimate((HyperLogLogCollector) values[i]);
      } else if (type.isTimed()) {
        out[i] = values[i] == null ? null : ((TimedValue) values[i]).value();
      }
    }
    return out;
  }

  /** Merges two accumulators (partials from different bundles or workers). */
  void merge(Object[] into, Object[] other) {
    for (int i = 0; i < specs.length; i++) {
      AggregatorType type = specs[i].type();
      if (type.isFirst()) {
        into[i] = TimedValue.earlier((TimedValue) into[i], (TimedValue) other[i]);
      } else if (type.isLast()) {
        into[i] = TimedValue.later((TimedValue) into[i], (TimedValue) other[i]);
      } else if (type.isAny()) {
        into[i] = anyOf(into[i], other[i]);
      } else if (type.isCollecting()) {
        into[i] = CollectedValues.merge(specs[i], (CollectedValues) into[i], (CollectedValues) other[i]);
      } else {
        into[i] = switch (type) {
          case COUNT -> (Long) into[i] + (Long) other[i];
          case CARDINALITY -> DistinctSketches.merge((HyperLogLogCollector) into[i], (HyperLogLogCollector) other[i]);
          default -> combineOne(i, into[i], other[i]);
        };
      }
    }
  }

  /**
   * ANY_VALUE keeps the smallest non-null value it sees: any value is right, and this one is the
   * same whatever order rows and partials arrive in, so every execution answers alike (Druid keeps
   * the first its scan meets). Null only when every value is.
   */
  private static Object anyOf(Object current, Object candidate) {
    if (current == null || candidate == null) {
      return current == null ? candidate : current;
    }
    return SortedValues.compare(candidate, current) < 0 ? candidate : current;
  }

  /**
   * A raw value as the aggregator's output type holds it: numbers in their width, strings truncated
   * to {@code maxBytes} UTF-8 bytes as Druid's string first/last/any aggregators chop them.
   */
  private Object typed(int i, Object value) {
    if (value == null) {
      return null;
    }
    return switch (specs[i].outputType()) {
      case LONG -> value instanceof Number number ? (Object) number.longValue() : Long.valueOf(value.toString());
      case FLOAT -> value instanceof Number number ? (Object) number.floatValue() : Float.valueOf(value.toString());
      case DOUBLE -> value instanceof Number number ? (Object) number.doubleValue() : Double.valueOf(value.toString());
      default -> {
        String string = stringOf(value, !specs[i].type().isAny() || specs[i].aggregatesMultipleValues());
        yield string == null ? null : StringUtils.chop(string, specs[i].maxBytesOrDefault());
      }
    };
  }

  /**
   * A string aggregator's reading of a value, as Druid's string any/first/last read a multi-value
   * row: none for an empty one, its value for one value, else all values as one string
   * ({@code [a, b]}), or only the first when ANY_VALUE's {@code aggregateMultipleValues} is false.
   */
  private static String stringOf(Object value, boolean multipleValues) {
    if (value instanceof List<?> values) {
      if (values.isEmpty()) {
        return null;
      }
      Object chosen = values.size() == 1 || !multipleValues ? values.get(0) : values;
      return chosen == null ? null : chosen.toString();
    }
    return value.toString();
  }

  private Object combineOne(int i, Object current, Object value) {
    if (value == null) {
      return current;
    }
    Number number = (Number) value;
    if (current == null) {
      return switch (specs[i].type()) {
        case LONG_SUM, LONG_MIN, LONG_MAX, LONG_BIT_AND, LONG_BIT_OR, LONG_BIT_XOR -> number.longValue();
        default -> number.doubleValue();
      };
    }
    return switch (specs[i].type()) {
      case LONG_SUM -> (Long) current + number.longValue();
      case DOUBLE_SUM -> (Double) current + number.doubleValue();
      case LONG_MIN -> Math.min((Long) current, number.longValue());
      case LONG_MAX -> Math.max((Long) current, number.longValue());
      case LONG_BIT_AND -> (Long) current & number.longValue();
      case LONG_BIT_OR -> (Long) current | number.longValue();
      case LONG_BIT_XOR -> (Long) current ^ number.longValue();
      case DOUBLE_MIN -> Math.min((Double) current, number.doubleValue());
      case DOUBLE_MAX -> Math.max((Double) current, number.doubleValue());
      default -> throw new IllegalStateException(specs[i].type() + " is not a numeric fold");
    };
  }
}
