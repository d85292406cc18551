package io.msqbeam.pipelines.segment;

import io.msqbeam.pipelines.row.TimedValue;
import java.nio.ByteBuffer;
import org.apache.druid.collections.SerializablePair;
import org.apache.druid.hll.HyperLogLogCollector;
import org.apache.druid.query.aggregation.SerializablePairLongDouble;
import org.apache.druid.query.aggregation.SerializablePairLongFloat;
import org.apache.druid.query.aggregation.SerializablePairLongLong;
import org.apache.druid.query.aggregation.SerializablePairLongString;

/**
 * Converts the values of COMPLEX metric columns between Druid's objects and the ones rows hold: a
 * {@code hyperUnique} sketch stays Druid's {@link HyperLogLogCollector} (copied off the segment's
 * mapped buffer, which is unmapped when the segment closes); a {@code serializablePairLong*} pair
 * becomes a {@link TimedValue}, the value EARLIEST/LATEST aggregate.
 */
final class ComplexValues {
  private ComplexValues() {}

  /** A value read from a segment's complex column, as rows hold it (null stays null). */
  static Object fromDruid(Object value) {
    if (value instanceof HyperLogLogCollector sketch) {
      return HyperLogLogCollector.makeCollector(ByteBuffer.wrap(sketch.toByteArray()));
    }
    if (value instanceof SerializablePair<?, ?> pair) {
      // A pair without a time was never chosen by a first/last aggregator: no value.
      return pair.lhs == null ? null : new TimedValue(((Number) pair.lhs).longValue(), pair.rhs);
    }
    if (value != null) {
      throw new IllegalStateException("Unexpected complex value " + value.getClass().getName());
    }
    return null;
  }

  /** A row's value for a metric of {@code type}, as Druid's aggregators read it at ingestion. */
  static Object toDruid(Object value, SegmentColumnType type) {
    if (!(value instanceof TimedValue pair)) {
      return value;
    }
    Object rhs = pair.value();
    return switch (type) {
      case LONG_STRING_PAIR -> new SerializablePairLongString(pair.time(), rhs == null ? null : rhs.toString());
      case LONG_LONG_PAIR -> new SerializablePairLongLong(pair.time(), rhs == null ? null : ((Number) rhs).longValue());
      case LONG_FLOAT_PAIR -> new SerializablePairLongFloat(pair.time(),
          rhs == null ? null : ((Number) rhs).floatValue());
      case LONG_DOUBLE_PAIR -> new SerializablePairLongDouble(pair.time(),
          rhs == null ? null : ((Number) rhs).doubleValue());
      default -> throw new IllegalArgumentException("A time-value pair cannot be stored in a " + type + " metric");
    };
  }
}
