package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.ColumnSignature;
import java.io.Serializable;
import java.util.List;
import org.apache.druid.hll.HyperLogLogCollector;

/**
 * The arithmetic of a groupBy's aggregators over accumulator arrays (one slot per aggregator):
 * SQL-compatible nulls, so SUM/MIN/MAX over only nulls stay null and COUNT starts at 0.
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

  /**
   * Adds one raw input value per aggregator, for the aggregators whose filter passed ({@code included});
   * COUNT of a field counts only its non-null values.
   */
  void add(Object[] accumulator, Object[] values, boolean[] included) {
    for (int i = 0; i < specs.length; i++) {
      if (!included[i]) {
        continue;
      }
      accumulator[i] = switch (specs[i].type()) {
        case COUNT -> specs[i].fieldName() != null && values[i] == null ? accumulator[i] : (Long) accumulator[i] + 1;
        case CARDINALITY -> DistinctSketches.add((HyperLogLogCollector) accumulator[i], values[i]);
        default -> combineOne(i, accumulator[i], values[i]);
      };
    }
  }

  /** The values a group finally shows: accumulators as they are, except sketches, which become estimates. */
  Object[] finalizeValues(Object[] accumulator) {
    Object[] out = accumulator.clone();
    for (int i = 0; i < specs.length; i++) {
      if (specs[i].type() == io.msqbeam.translator.plan.AggregatorType.CARDINALITY) {
        out[i] = DistinctSketches.estimate((HyperLogLogCollector) accumulator[i]);
      }
    }
    return out;
  }

  /** Merges two accumulators (partials from different bundles or workers). */
  void merge(Object[] into, Object[] other) {
    for (int i = 0; i < specs.length; i++) {
      into[i] = switch (specs[i].type()) {
        case COUNT -> (Long) into[i] + (Long) other[i];
        case CARDINALITY -> DistinctSketches.merge((HyperLogLogCollector) into[i], (HyperLogLogCollector) other[i]);
        default -> combineOne(i, into[i], other[i]);
      };
    }
  }

  private Object combineOne(int i, Object current, Object value) {
    if (value == null) {
      return current;
    }
    Number number = (Number) value;
    if (current == null) {
      return switch (specs[i].type()) {
        case LONG_SUM, LONG_MIN, LONG_MAX -> number.longValue();
        default -> number.doubleValue();
      };
    }
    return switch (specs[i].type()) {
      case LONG_SUM -> (Long) current + number.longValue();
      case DOUBLE_SUM -> (Double) current + number.doubleValue();
      case LONG_MIN -> Math.min((Long) current, number.longValue());
      case LONG_MAX -> Math.max((Long) current, number.longValue());
      case DOUBLE_MIN -> Math.min((Double) current, number.doubleValue());
      case DOUBLE_MAX -> Math.max((Double) current, number.doubleValue());
      case COUNT, CARDINALITY -> throw new IllegalStateException(specs[i].type() + " is not a numeric fold");
    };
  }
}
