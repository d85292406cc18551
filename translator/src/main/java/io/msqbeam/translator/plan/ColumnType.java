package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Druid native column type, written with Druid's names ({@code STRING}, {@code LONG}, …,
 * {@code ARRAY<STRING>}, {@code COMPLEX<json>}). A STRING value may be multi-value (a {@code List<String>}
 * in a row); an ARRAY value is an {@code Object[]} of its element type (String, Long or Double, nulls
 * allowed); a JSON value is the plain Java tree Jackson reads a JSON document into ({@code Map},
 * {@code List}, String, a number, Boolean), never Druid's {@code StructuredData} wrapper.
 */
public enum ColumnType {
  STRING("STRING"), LONG("LONG"), FLOAT("FLOAT"), DOUBLE("DOUBLE"),
  STRING_ARRAY("ARRAY<STRING>"), LONG_ARRAY("ARRAY<LONG>"), DOUBLE_ARRAY("ARRAY<DOUBLE>"),
  /** Druid's nested column type, which PARSE_JSON, JSON_QUERY and JSON_OBJECT give and EXTERN may declare. */
  JSON("COMPLEX<json>");

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
    return this == STRING_ARRAY || this == LONG_ARRAY || this == DOUBLE_ARRAY;
  }

  /** The type of an array's elements; the type itself for a scalar type. */
  public ColumnType elementType() {
    return switch (this) {
      case STRING_ARRAY -> STRING;
      case LONG_ARRAY -> LONG;
      case DOUBLE_ARRAY -> DOUBLE;
      case STRING, LONG, FLOAT, DOUBLE, JSON -> this;
    };
  }

  /** The array type whose elements are of this scalar type (FLOAT elements are stored as DOUBLE). */
  public ColumnType arrayOf() {
    return switch (this) {
      case STRING, STRING_ARRAY -> STRING_ARRAY;
      case LONG, LONG_ARRAY -> LONG_ARRAY;
      case FLOAT, DOUBLE, DOUBLE_ARRAY -> DOUBLE_ARRAY;
      // Druid has ARRAY<COMPLEX<json>> (JSON_QUERY_ARRAY); no plan makes one yet.
      case JSON -> throw new UnsupportedOperationException("ARRAY<COMPLEX<json>> is not supported");
    };
  }

  /** The SQL type name Druid reports for this native type (e.g. in {@code sqlTypeNames}). */
  public String sqlTypeName() {
    return switch (this) {
      case STRING -> "VARCHAR";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY -> "ARRAY";
      case JSON -> "OTHER";
    };
  }
}
