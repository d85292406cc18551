package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import org.apache.druid.query.aggregation.AggregatorFactory;
import org.apache.druid.query.aggregation.DoubleMaxAggregatorFactory;
import org.apache.druid.query.aggregation.ExpressionLambdaAggregatorFactory;
import org.apache.druid.query.aggregation.DoubleMinAggregatorFactory;
import org.apache.druid.query.aggregation.DoubleSumAggregatorFactory;
import org.apache.druid.query.aggregation.LongMaxAggregatorFactory;
import org.apache.druid.query.aggregation.LongMinAggregatorFactory;
import org.apache.druid.query.aggregation.LongSumAggregatorFactory;
import org.apache.druid.query.aggregation.any.DoubleAnyAggregatorFactory;
import org.apache.druid.query.aggregation.any.FloatAnyAggregatorFactory;
import org.apache.druid.query.aggregation.any.LongAnyAggregatorFactory;
import org.apache.druid.query.aggregation.any.StringAnyAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.first.DoubleFirstAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.first.FloatFirstAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.first.LongFirstAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.first.StringFirstAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.last.DoubleLastAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.last.FloatLastAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.last.LongLastAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.last.StringLastAggregatorFactory;
import org.apache.druid.query.aggregation.hyperloglog.HyperUniquesAggregatorFactory;

/**
 * One metric of a rolled-up segment: a Druid combining aggregator ({@code longSum}, {@code doubleMax},
 * {@code stringFirst}, {@code hyperUnique}, …) over the input column {@code fieldName}, stored as the
 * column {@code name}.
 *
 * <p>The segment records it in its metadata so that Druid can roll rows up further (compaction,
 * re-ingestion) with the same aggregator. Sums, minimums and maximums are plain LONG or DOUBLE
 * columns; first/last metrics store Druid's time-value pairs and keep their {@code timeColumn}
 * (and, for strings, {@code maxStringBytes}, null for Druid's default) as Druid's combining
 * factories do; {@code hyperUnique} stores sketches; ANY_VALUE's {@code longAny}, {@code floatAny} and
 * {@code doubleAny} are plain columns (its {@code stringAny} keeps {@code maxStringBytes} too). Both are
 * null for the other kinds.
 */
public record SegmentMetric(Kind kind, String name, String fieldName, String timeColumn, Integer maxStringBytes,
    SegmentColumnType elementType) {

  /** The aggregators a metric may use, by Druid's JSON type name. */
  public enum Kind {
    LONG_SUM("longSum", SegmentColumnType.LONG),
    DOUBLE_SUM("doubleSum", SegmentColumnType.DOUBLE),
    LONG_MIN("longMin", SegmentColumnType.LONG),
    LONG_MAX("longMax", SegmentColumnType.LONG),
    DOUBLE_MIN("doubleMin", SegmentColumnType.DOUBLE),
    DOUBLE_MAX("doubleMax", SegmentColumnType.DOUBLE),
    LONG_FIRST("longFirst", SegmentColumnType.LONG_LONG_PAIR),
    FLOAT_FIRST("floatFirst", SegmentColumnType.LONG_FLOAT_PAIR),
    DOUBLE_FIRST("doubleFirst", SegmentColumnType.LONG_DOUBLE_PAIR),
    STRING_FIRST("stringFirst", SegmentColumnType.LONG_STRING_PAIR),
    LONG_LAST("longLast", SegmentColumnType.LONG_LONG_PAIR),
    FLOAT_LAST("floatLast", SegmentColumnType.LONG_FLOAT_PAIR),
    DOUBLE_LAST("doubleLast", SegmentColumnType.LONG_DOUBLE_PAIR),
    STRING_LAST("stringLast", SegmentColumnType.LONG_STRING_PAIR),
    HYPER_UNIQUE("hyperUnique", SegmentColumnType.HYPER_UNIQUE),
    LONG_ANY("longAny", SegmentColumnType.LONG),
    FLOAT_ANY("floatAny", SegmentColumnType.FLOAT),
    DOUBLE_ANY("doubleAny", SegmentColumnType.DOUBLE),
    /**
     * Druid's {@code stringAny}: its intermediate type is STRING, which Druid's incremental index cannot hold
     * as a metric, so a segment with one fails to build, in Druid as here (its index refuses it).
     */
    STRING_ANY("stringAny", SegmentColumnType.STRING),
    /**
     * ARRAY_AGG and STRING_AGG: Druid's SQL plans them as {@code expression} aggregators whose intermediate
     * values are arrays (ArraySqlAggregator, StringSqlAggregator), which its incremental index cannot hold
     * as metrics either: a segment with one fails to build, in Druid as here.
     */
    ARRAY_AGG("arrayAgg", SegmentColumnType.STRING_ARRAY),
    ARRAY_AGG_DISTINCT("arrayAggDistinct", SegmentColumnType.STRING_ARRAY),
    STRING_AGG("stringAgg", SegmentColumnType.STRING_ARRAY),
    STRING_AGG_DISTINCT("stringAggDistinct", SegmentColumnType.STRING_ARRAY);

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

  /** A metric that is no ARRAY_AGG. */
  public SegmentMetric(Kind kind, String name, String fieldName, String timeColumn, Integer maxStringBytes) {
    this(kind, name, fieldName, timeColumn, maxStringBytes, null);
  }

  /** A metric without a time column: a sum, minimum, maximum or sketch. */
  public SegmentMetric(Kind kind, String name, String fieldName) {
    this(kind, name, fieldName, null, null);
  }

  /** A row's input value for this metric as Druid's aggregator reads it (a pair as Druid's pair object). */
  Object toDruidValue(Object value) {
    return ComplexValues.toDruid(value, kind.valueType());
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
      case LONG_FIRST -> new LongFirstAggregatorFactory(name, fieldName, timeColumn);
      case FLOAT_FIRST -> new FloatFirstAggregatorFactory(name, fieldName, timeColumn);
      case DOUBLE_FIRST -> new DoubleFirstAggregatorFactory(name, fieldName, timeColumn);
      case STRING_FIRST -> new StringFirstAggregatorFactory(name, fieldName, timeColumn, maxStringBytes);
      case LONG_LAST -> new LongLastAggregatorFactory(name, fieldName, timeColumn);
      case FLOAT_LAST -> new FloatLastAggregatorFactory(name, fieldName, timeColumn);
      case DOUBLE_LAST -> new DoubleLastAggregatorFactory(name, fieldName, timeColumn);
      case STRING_LAST -> new StringLastAggregatorFactory(name, fieldName, timeColumn, maxStringBytes);
      // cardinality's combining factory in Druid: not an input sketch, estimates rounded.
      case HYPER_UNIQUE -> new HyperUniquesAggregatorFactory(name, fieldName, false, true);
      case LONG_ANY -> new LongAnyAggregatorFactory(name, fieldName);
      case FLOAT_ANY -> new FloatAnyAggregatorFactory(name, fieldName);
      case DOUBLE_ANY -> new DoubleAnyAggregatorFactory(name, fieldName);
      case STRING_ANY -> new StringAnyAggregatorFactory(name, fieldName, maxStringBytes, null);
      case ARRAY_AGG, ARRAY_AGG_DISTINCT, STRING_AGG, STRING_AGG_DISTINCT -> collecting();
    };
  }

  /**
   * The combining factory of the expression aggregator Druid's SQL plans ARRAY_AGG or STRING_AGG as
   * (ArraySqlAggregator, StringSqlAggregator: an array accumulator, {@code <LONG>[]} or {@code <DOUBLE>[]}
   * for numbers, else {@code []}), as MSQ's SegmentGenerationUtils takes it.
   */
  private AggregatorFactory collecting() {
    boolean distinct = kind == Kind.ARRAY_AGG_DISTINCT || kind == Kind.STRING_AGG_DISTINCT;
    String initial = elementType == SegmentColumnType.LONG ? "<LONG>[]"
        : elementType == SegmentColumnType.DOUBLE ? "<DOUBLE>[]" : "[]";
    String field = "\"" + fieldName + "\"";
    return new ExpressionLambdaAggregatorFactory(name, java.util.Set.of(fieldName), null, initial, null, true,
        kind == Kind.ARRAY_AGG || kind == Kind.ARRAY_AGG_DISTINCT, false,
        (distinct ? "array_set_add" : "array_append") + "(\"__acc\", " + field + ")",
        (distinct ? "array_set_add_all" : "array_concat") + "(\"__acc\", \"" + name + "\")", null, null,
        maxStringBytes == null ? null : new org.apache.druid.java.util.common.HumanReadableBytes(maxStringBytes),
        org.apache.druid.math.expr.ExprMacroTable.nil()).getCombiningFactory();
  }
}
