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
  /** Druid's approximate distinct count (HyperLogLog), finalized to a rounded estimate. */
  CARDINALITY("cardinality", ColumnType.LONG);

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

  public ColumnType outputType() {
    return outputType;
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
