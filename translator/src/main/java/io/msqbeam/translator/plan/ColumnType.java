package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Druid native column type, written with Druid's names ({@code STRING}, {@code LONG}, …,
 * {@code ARRAY<STRING>}, {@code COMPLEX<json>}). A STRING value may be multi-value (a {@code List<String>}
 * in a row); an ARRAY value is an {@code Object[]} of its element type (String, Long or Double, nulls
 * allowed); a JSON value is the plain Java tree Jackson reads a JSON document into ({@code Map},
 * {@code List}, String, a number, Boolean), never Druid's {@code StructuredData} wrapper.
 *
 * <p>The other COMPLEX types are the stored forms of Druid's rollup metrics that are not plain
 * numbers: {@code hyperUnique} (a HyperLogLog sketch, for APPROX_COUNT_DISTINCT) and the
 * {@code serializablePairLong*} pairs of a time and a value (EARLIEST/LATEST). They appear as a
 * GROUP BY's intermediate values with {@code finalizeAggregations: false} and as columns of
 * rolled-up segments; the values in a row are the runtime's own objects for them.
 */
public enum ColumnType {
  STRING("STRING"), LONG("LONG"), FLOAT("FLOAT"), DOUBLE("DOUBLE"),
  STRING_ARRAY("ARRAY<STRING>"), LONG_ARRAY("ARRAY<LONG>"), DOUBLE_ARRAY("ARRAY<DOUBLE>"),
  /** Druid's nested column type, which PARSE_JSON, JSON_QUERY and JSON_OBJECT give and EXTERN may declare. */
  JSON("COMPLEX<json>"),
  /** An array of JSON values, which JSON_QUERY_ARRAY gives. */
  JSON_ARRAY("ARRAY<COMPLEX<json>>"),
  /** A HyperLogLog sketch: the stored form of APPROX_COUNT_DISTINCT. */
  HYPER_UNIQUE("COMPLEX<hyperUnique>"),
  /** Time-value pairs: the stored forms of EARLIEST/LATEST of strings, longs, floats and doubles. */
  LONG_STRING_PAIR("COMPLEX<serializablePairLongString>"), LONG_LONG_PAIR("COMPLEX<serializablePairLongLong>"),
  LONG_FLOAT_PAIR("COMPLEX<serializablePairLongFloat>"), LONG_DOUBLE_PAIR("COMPLEX<serializablePairLongDouble>");

  private final String druidName;

  ColumnType(String druidName) {
    this.druidName = druidName;
  }

  @JsonValue
  public String druidName() {
    return druidName;
  }

  /** Parses a Druid type name case-insensitively, as EXTERN signatures allow; null when unknown. */
  @JsonCreator
  public static ColumnType fromDruidName(String name) {
    if (name == null) {
      return null;
    }
    for (ColumnType type : values()) {
      if (type.druidName.equalsIgnoreCase(name.replace(" ", ""))) {
        return type;
      }
    }
    return null;
  }

  public boolean isArray() {
    return this == STRING_ARRAY || this == LONG_ARRAY || this == DOUBLE_ARRAY || this == JSON_ARRAY;
  }

  /** One of Druid's {@code COMPLEX<…>} types. */
  public boolean isComplex() {
    return this == JSON || isRollupState();
  }

  /**
   * A rollup metric's stored state: a {@code hyperUnique} sketch or a time-value pair. Only aggregators
   * make such values and only aggregators read them; they are never read from input files.
   */
  public boolean isRollupState() {
    return this == HYPER_UNIQUE || isPair();
  }

  /** A {@code serializablePairLong*}: the time and value an EARLIEST/LATEST metric keeps. */
  public boolean isPair() {
    return this == LONG_STRING_PAIR || this == LONG_LONG_PAIR || this == LONG_FLOAT_PAIR || this == LONG_DOUBLE_PAIR;
  }

  /** The pair type Druid stores an EARLIEST/LATEST of values of this scalar type in. */
  public ColumnType pairOf() {
    return switch (this) {
      case LONG -> LONG_LONG_PAIR;
      case FLOAT -> LONG_FLOAT_PAIR;
      case DOUBLE -> LONG_DOUBLE_PAIR;
      case STRING -> LONG_STRING_PAIR;
      default -> throw new IllegalArgumentException("No pair type holds values of " + druidName);
    };
  }

  /**
   * The type of the value a query reads from a column of this type: a pair's value, a sketch's
   * estimate (LONG); the type itself for the others.
   */
  public ColumnType finalizedType() {
    return switch (this) {
      case LONG_STRING_PAIR -> STRING;
      case LONG_LONG_PAIR, HYPER_UNIQUE -> LONG;
      case LONG_FLOAT_PAIR -> FLOAT;
      case LONG_DOUBLE_PAIR -> DOUBLE;
      case STRING, LONG, FLOAT, DOUBLE, STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, JSON, JSON_ARRAY -> this;
    };
  }

  /** The type of an array's elements; the type itself for a scalar or complex type. */
  public ColumnType elementType() {
    return switch (this) {
      case STRING_ARRAY -> STRING;
      case LONG_ARRAY -> LONG;
      case DOUBLE_ARRAY -> DOUBLE;
      case JSON_ARRAY -> JSON;
      case STRING, LONG, FLOAT, DOUBLE, JSON -> this;
      case HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR -> this;
    };
  }

  /** The array type whose elements are of this scalar type (FLOAT elements are stored as DOUBLE). */
  public ColumnType arrayOf() {
    return switch (this) {
      case STRING, STRING_ARRAY -> STRING_ARRAY;
      case LONG, LONG_ARRAY -> LONG_ARRAY;
      case FLOAT, DOUBLE, DOUBLE_ARRAY -> DOUBLE_ARRAY;
      case JSON, JSON_ARRAY -> JSON_ARRAY;
      case HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR ->
          throw new IllegalArgumentException("No array holds values of " + druidName);
    };
  }

  /** The SQL type name Druid reports for this native type (e.g. in {@code sqlTypeNames}). */
  public String sqlTypeName() {
    return switch (this) {
      case STRING -> "VARCHAR";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, JSON_ARRAY -> "ARRAY";
      case JSON, HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR -> "OTHER";
    };
  }
}
