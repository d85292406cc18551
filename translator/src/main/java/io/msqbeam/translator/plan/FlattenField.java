package io.msqbeam.translator.plan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One field of a {@code flattenSpec}: {@code root} (a top-level field, {@code expr} defaulting to the
 * name) or {@code path} (a JSONPath such as {@code $.a.b} or {@code $.a[0]}). Druid's {@code jq} and
 * {@code tree} types are refused when the plan is built rather than silently reading nulls.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlattenField(String type, String name, String expr) implements java.io.Serializable {
  public FlattenField {
    requireNonNull(type, "type is null");
    requireNonNull(name, "name is null");
    if (!type.equals("root") && !type.equals("path")) {
      throw new IllegalArgumentException("flattenSpec field type [" + type + "] is not supported");
    }
    if (type.equals("path") && expr == null) {
      throw new IllegalArgumentException("flattenSpec field [" + name + "] of type [path] needs an [expr]");
    }
  }
}
