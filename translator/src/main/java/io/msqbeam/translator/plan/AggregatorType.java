package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The aggregator kinds the planner emits, with Druid's JSON type names. */
public enum AggregatorType {
  COUNT("count", ColumnType.LONG),
  LONG_SUM("longSum", ColumnType.LONG),
  DOUBLE_SUM("doubleSum", ColumnType.DOUBLE),
  LONG_MIN("longMin", ColumnType.LONG),
  LONG_MAX("longMax", ColumnType.LONG),
  DOUBLE_MIN("doubleMin", ColumnType.DOUBLE),
  DOUBLE_MAX("doubleMax", ColumnType.DOUBLE),
  /**
   * BIT_AND, BIT_OR, BIT_XOR over the non-null values as longs; null when there are none (Druid plans
   * them as a filtered {@code expressionLambda} folding with {@code bitwiseAnd} and the others).
   */
  LONG_BIT_AND("bitwiseAnd", ColumnType.LONG),
  LONG_BIT_OR("bitwiseOr", ColumnType.LONG),
  LONG_BIT_XOR("bitwiseXor", ColumnType.LONG),
  /** Druid's approximate distinct count (HyperLogLog), finalized to a rounded estimate. */
  CARDINALITY("cardinality", ColumnType.LONG),
  /**
   * A HyperLogLog sketch column combined by folding: the metric a rolled-up APPROX_COUNT_DISTINCT is
   * stored with ({@code cardinality}'s combining aggregator in Druid). Only a segment metric here.
   */
  HYPER_UNIQUE("hyperUnique", ColumnType.LONG),
  /** EARLIEST/EARLIEST_BY: the value of the row with the smallest non-null time (the value may be null). */
  LONG_FIRST("longFirst", ColumnType.LONG),
  FLOAT_FIRST("floatFirst", ColumnType.FLOAT),
  DOUBLE_FIRST("doubleFirst", ColumnType.DOUBLE),
  STRING_FIRST("stringFirst", ColumnType.STRING),
  /** LATEST/LATEST_BY: the value of the row with the largest non-null time (the value may be null). */
  LONG_LAST("longLast", ColumnType.LONG),
  FLOAT_LAST("floatLast", ColumnType.FLOAT),
  DOUBLE_LAST("doubleLast", ColumnType.DOUBLE),
  STRING_LAST("stringLast", ColumnType.STRING),
  /** ANY_VALUE. */
  LONG_ANY("longAny", ColumnType.LONG),
  FLOAT_ANY("floatAny", ColumnType.FLOAT),
  DOUBLE_ANY("doubleAny", ColumnType.DOUBLE),
  STRING_ANY("stringAny", ColumnType.STRING),
  /**
   * ARRAY_AGG: every value, nulls included, in the order the rows arrive; an array of the field's
   * type (Druid plans it as an {@code expressionLambda} aggregator folding with {@code array_append}).
   */
  ARRAY_AGG("arrayAgg", null),
  /** ARRAY_AGG(DISTINCT): the distinct values, nulls included, sorted (Druid's {@code array_set_add}). */
  ARRAY_AGG_DISTINCT("arrayAggDistinct", null),
  /** ARRAY_CONCAT_AGG: the elements of every non-null array, nulls among them kept, in arrival order. */
  ARRAY_CONCAT_AGG("arrayConcatAgg", null),
  /** ARRAY_CONCAT_AGG(DISTINCT): the distinct elements of the non-null arrays, sorted. */
  ARRAY_CONCAT_AGG_DISTINCT("arrayConcatAggDistinct", null),
  /** STRING_AGG/LISTAGG: the non-null values as strings, joined by a separator. */
  STRING_AGG("stringAgg", ColumnType.STRING),
  /** STRING_AGG(DISTINCT): the distinct non-null values, sorted, joined by a separator. */
  STRING_AGG_DISTINCT("stringAggDistinct", ColumnType.STRING);

  private final String druidName;
  private final ColumnType outputType;

  AggregatorType(String druidName, ColumnType outputType) {
    this.druidName = druidName;
    this.outputType = outputType;
  }

  @JsonValue
  public String druidName() {
    return druidName;
  }

  /** The type of the finished value; null for ARRAY_AGG, whose type is an array of its field's type. */
  public ColumnType outputType() {
    return outputType;
  }

  /**
   * Whether a GROUP BY that does not finalize ({@code finalizeAggregations: false}) keeps this
   * aggregator's value in Druid's intermediate form, a COMPLEX type: EARLIEST/LATEST as a time-value
   * pair, APPROX_COUNT_DISTINCT as a sketch. The others give the same value either way.
   */
  public boolean hasComplexIntermediate() {
    return isTimed() || this == CARDINALITY || this == HYPER_UNIQUE;
  }

  /** EARLIEST/LATEST: needs a time column besides its field. */
  public boolean isTimed() {
    return isFirst() || isLast();
  }

  public boolean isFirst() {
    return this == LONG_FIRST || this == FLOAT_FIRST || this == DOUBLE_FIRST || this == STRING_FIRST;
  }

  public boolean isLast() {
    return this == LONG_LAST || this == FLOAT_LAST || this == DOUBLE_LAST || this == STRING_LAST;
  }

  public boolean isAny() {
    return this == LONG_ANY || this == FLOAT_ANY || this == DOUBLE_ANY || this == STRING_ANY;
  }

  /** ARRAY_AGG, ARRAY_CONCAT_AGG and STRING_AGG: a collection of values bounded by a size in bytes. */
  public boolean isCollecting() {
    return this == ARRAY_AGG || this == ARRAY_AGG_DISTINCT || this == STRING_AGG || this == STRING_AGG_DISTINCT
        || isArrayConcat();
  }

  public boolean isDistinctCollection() {
    return this == ARRAY_AGG_DISTINCT || this == STRING_AGG_DISTINCT || this == ARRAY_CONCAT_AGG_DISTINCT;
  }

  /** ARRAY_CONCAT_AGG: collects the elements of array values rather than the values. */
  public boolean isArrayConcat() {
    return this == ARRAY_CONCAT_AGG || this == ARRAY_CONCAT_AGG_DISTINCT;
  }

  @JsonCreator
  public static AggregatorType fromDruidName(String name) {
    for (AggregatorType type : values()) {
      if (type.druidName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Unknown aggregator type: " + name);
  }
}
