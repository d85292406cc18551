package io.msqbeam.translator.planner;

import io.msqbeam.translator.error.InvalidInput;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.util.Locale;
import java.util.Map;

/**
 * Druid's {@code arrayIngestMode} context parameter (§1.10): how an INSERT or REPLACE writes a column
 * of SQL ARRAY type. {@code array} (the default since Druid 31) writes ARRAY columns; {@code mvd}
 * writes a VARCHAR ARRAY as a multi-value string and refuses numeric arrays with Druid's message.
 */
enum ArrayIngestMode {
  ARRAY, MVD;

  static final String CONTEXT_KEY = "arrayIngestMode";

  static ArrayIngestMode of(Map<String, Object> context) {
    Object value = context == null ? null : context.get(CONTEXT_KEY);
    if (value == null) {
      return ARRAY;
    }
    return switch (value.toString().toLowerCase(Locale.ROOT)) {
      case "array" -> ARRAY;
      case "mvd" -> MVD;
      default -> throw InvalidInput.exception("Invalid value for context parameter [" + CONTEXT_KEY + "]: ["
          + value + "]; valid values: array, mvd");
    };
  }

  /** The VARCHAR ARRAY columns this mode writes as multi-value strings that keep their order. */
  java.util.List<String> orderedMultiValueDimensions(java.util.List<ColumnSignature> columns) {
    return this == ARRAY ? java.util.List.of() : columns.stream()
        .filter(column -> column.type() == ColumnType.STRING_ARRAY).map(ColumnSignature::name).toList();
  }

  /** The column a segment gets for a written column of this type. */
  ColumnSignature dimension(ColumnSignature column) {
    if (this == ARRAY || !column.type().isArray()) {
      return column;
    }
    if (column.type() == ColumnType.STRING_ARRAY) {
      return new ColumnSignature(column.name(), ColumnType.STRING);
    }
    throw InvalidInput.exception("Numeric arrays can only be ingested when '" + CONTEXT_KEY + "' is set to 'array'"
        + " in the MSQ query's context. Current value of the parameter [" + name().toLowerCase(Locale.ROOT) + "]");
  }
}
