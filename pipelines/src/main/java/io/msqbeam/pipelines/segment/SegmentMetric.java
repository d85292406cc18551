package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import org.apache.druid.query.aggregation.AggregatorFactory;
import org.apache.druid.query.aggregation.DoubleMaxAggregatorFactory;
import org.apache.druid.query.aggregation.DoubleMinAggregatorFactory;
import org.apache.druid.query.aggregation.DoubleSumAggregatorFactory;
import org.apache.druid.query.aggregation.LongMaxAggregatorFactory;
import org.apache.druid.query.aggregation.LongMinAggregatorFactory;
import org.apache.druid.query.aggregation.LongSumAggregatorFactory;

/**
 * One metric of a rolled-up segment: a Druid combining aggregator ({@code longSum}, {@code doubleMax}, …)
 * over the input column {@code fieldName}, stored as the column {@code name}.
 *
 * <p>The segment records it in its metadata so that Druid can roll rows up further (compaction,
 * re-ingestion) with the same aggregator; queries read it as a plain LONG or DOUBLE column.
 */
public record SegmentMetric(Kind kind, String name, String fieldName) {

  /** The aggregators a metric may use, by Druid's JSON type name. */
  public enum Kind {
    LONG_SUM("longSum", SegmentColumnType.LONG),
    DOUBLE_SUM("doubleSum", SegmentColumnType.DOUBLE),
    LONG_MIN("longMin", SegmentColumnType.LONG),
    LONG_MAX("longMax", SegmentColumnType.LONG),
    DOUBLE_MIN("doubleMin", SegmentColumnType.DOUBLE),
    DOUBLE_MAX("doubleMax", SegmentColumnType.DOUBLE);

    private final String druidName;
    private final SegmentColumnType valueType;

    Kind(String druidName, SegmentColumnType valueType) {
      this.druidName = druidName;
      this.valueType = valueType;
    }

    /** The kind with Druid's JSON type name {@code name}, e.g. {@code longSum}. */
    public static Kind fromDruidName(String name) {
      for (Kind kind : values()) {
        if (kind.druidName.equals(name)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("Aggregator [" + name + "] cannot be a segment metric");
    }

    public String druidName() {
      return druidName;
    }

    /** The type of the values the metric stores. */
    public SegmentColumnType valueType() {
      return valueType;
    }
  }

  public SegmentMetric {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    requireNonNull(fieldName, "fieldName is null");
    if (name.isEmpty() || SegmentSchema.TIME_COLUMN.equals(name)) {
      throw new IllegalArgumentException("Invalid metric name [" + name + "]");
    }
  }

  /** Druid's aggregator factory for this metric, as the index and the segment metadata hold it. */
  AggregatorFactory toAggregatorFactory() {
    return switch (kind) {
      case LONG_SUM -> new LongSumAggregatorFactory(name, fieldName);
      case DOUBLE_SUM -> new DoubleSumAggregatorFactory(name, fieldName);
      case LONG_MIN -> new LongMinAggregatorFactory(name, fieldName);
      case LONG_MAX -> new LongMaxAggregatorFactory(name, fieldName);
      case DOUBLE_MIN -> new DoubleMinAggregatorFactory(name, fieldName);
      case DOUBLE_MAX -> new DoubleMaxAggregatorFactory(name, fieldName);
    };
  }
}
