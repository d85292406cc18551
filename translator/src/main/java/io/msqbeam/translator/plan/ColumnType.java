package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A Druid native column type, written with Druid's names ({@code STRING}, {@code LONG}, …). */
public enum ColumnType {
  STRING, LONG, FLOAT, DOUBLE;

  @JsonValue
  public String druidName() {
    return name();
  }

  /** Parses a Druid type name case-insensitively, as EXTERN signatures allow; null when unknown. */
  @JsonCreator
  public static ColumnType fromDruidName(String name) {
    if (name == null) {
      return null;
    }
    for (ColumnType type : values()) {
      if (type.name().equalsIgnoreCase(name)) {
        return type;
      }
    }
    return null;
  }

  /** The SQL type name Druid reports for this native type (e.g. in {@code sqlTypeNames}). */
  public String sqlTypeName() {
    return switch (this) {
      case STRING -> "VARCHAR";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
    };
  }
}
