package io.msqbeam.translator.plan;

import static java.util.Objects.requireNonNull;

/** One column of a row signature: {@code {"name":…,"type":…}} as in Druid's stage definitions. */
public record ColumnSignature(String name, ColumnType type) implements java.io.Serializable {
  public ColumnSignature {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }
}
