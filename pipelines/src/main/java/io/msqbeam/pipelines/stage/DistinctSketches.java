package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.segment.DruidRuntime;
import java.util.List;
import org.apache.druid.hll.HyperLogLogCollector;
import org.apache.druid.query.aggregation.cardinality.CardinalityAggregator;

/**
 * Druid's approximate distinct count: values hashed as Druid's cardinality aggregator hashes them
 * (murmur3_128, nulls skipped, each value of a multi-value row on its own) into Druid's
 * HyperLogLog collector, so estimates equal Druid's. A null accumulator is an empty sketch. A value
 * that is itself a sketch (a {@code hyperUnique} column of a rolled-up segment) is folded in, as
 * Druid's hyperUnique aggregator reads such a column.
 */
final class DistinctSketches {
  private DistinctSketches() {}

  static HyperLogLogCollector add(HyperLogLogCollector collector, Object value) {
    if (value == null) {
      return collector;
    }
    if (value instanceof HyperLogLogCollector sketch) {
      // A stored hyperUnique metric: its sketch is folded in, not hashed as a value.
      return merge(collector, sketch);
    }
    HyperLogLogCollector target = collector == null ? newCollector() : collector;
    if (value instanceof List<?> values) {
      for (Object element : values) {
        if (element != null) {
          target.add(hash(element));
        }
      }
    } else {
      target.add(hash(value));
    }
    return target;
  }

  static HyperLogLogCollector merge(HyperLogLogCollector into, HyperLogLogCollector other) {
    if (other == null) {
      return into;
    }
    HyperLogLogCollector target = into == null ? newCollector() : into;
    return target.fold(other);
  }

  /** The rounded estimate, as Druid finalizes a cardinality aggregator ({@code round: true}). */
  static long estimate(HyperLogLogCollector collector) {
    return collector == null ? 0L : Math.round(collector.estimateCardinality());
  }

  private static HyperLogLogCollector newCollector() {
    DruidRuntime.initialize();
    return HyperLogLogCollector.makeLatestCollector();
  }

  private static byte[] hash(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return CardinalityAggregator.HASH_FUNCTION.hashLong(((Number) value).longValue()).asBytes();
    }
    if (value instanceof Double d) {
      return CardinalityAggregator.HASH_FUNCTION.hashLong(Double.doubleToLongBits(d)).asBytes();
    }
    if (value instanceof Float f) {
      return CardinalityAggregator.HASH_FUNCTION.hashInt(Float.floatToIntBits(f)).asBytes();
    }
    return CardinalityAggregator.HASH_FUNCTION.hashUnencodedChars(value.toString()).asBytes();
  }
}
