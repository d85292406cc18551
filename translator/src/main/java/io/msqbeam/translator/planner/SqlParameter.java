package io.msqbeam.translator.planner;

import static java.util.Objects.requireNonNull;

/**
 * A dynamic parameter of the SQL API ({@code {"type":"VARCHAR","value":"x"}}), bound to the
 * {@code ?} at the same position. {@code value} is a JSON scalar: String, Number, Boolean or null.
 */
public record SqlParameter(String type, Object value) {
  public SqlParameter {
    requireNonNull(type, "type is null");
  }
}
