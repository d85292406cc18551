package io.msqbeam.pipelines.input;

import io.msqbeam.translator.plan.ColumnType;
import java.util.List;

/**
 * Druid's coercion of a read value into a declared column type: numbers become strings, numeric text
 * becomes numbers (a long column truncates a decimal), empty text in a numeric column is null, a list
 * stays a multi-value string (one element collapses to a plain string) or gives its first element to
 * a numeric column; an ARRAY column takes a list element by element, a lone value as one element.
 * Text that is not a number fails the row, naming the column.
 */
final class ValueCoercion {
  private ValueCoercion() {}

  static Object coerce(Object value, ColumnType type, String column) throws RowParseException {
    if (value == null) {
      return null;
    }
    if (type.isArray()) {
      return array(value, type.elementType(), column);
    }
    if (type == ColumnType.JSON) {
      // A COMPLEX<json> column keeps what was read as it is: text stays text, a list a JSON array.
      return value;
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return null;
      }
      if (type != ColumnType.STRING) {
        return coerce(list.get(0), type, column);
      }
      return list.size() == 1 ? stringOf(list.get(0)) : list;
    }
    if (type == ColumnType.STRING) {
      return value.toString();
    }
    if (value instanceof Number number) {
      return switch (type) {
        case LONG -> number instanceof Double || number instanceof Float ? (long) number.doubleValue()
            : number.longValue();
        case DOUBLE -> number.doubleValue();
        case FLOAT -> number.floatValue();
        case STRING, STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, JSON, JSON_ARRAY -> value.toString();
        case HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR ->
            throw new IllegalStateException("the planner refuses complex input columns");
      };
    }
    return number(value.toString(), type, column);
  }

  static Object number(String text, ColumnType type, String column) throws RowParseException {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String trimmed = text.trim();
    try {
      return switch (type) {
        case LONG -> {
          try {
            yield Long.parseLong(trimmed);
          } catch (NumberFormatException e) {
            yield (long) Double.parseDouble(trimmed);
          }
        }
        case DOUBLE -> Double.parseDouble(trimmed);
        case FLOAT -> Float.parseFloat(trimmed);
        case STRING, STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, JSON, JSON_ARRAY -> text;
        case HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR ->
            throw new IllegalStateException("the planner refuses complex input columns");
      };
    } catch (NumberFormatException e) {
      throw new RowParseException(column, "Unable to parse value[" + text + "] for field[" + column + "]");
    }
  }

  /**
   * An ARRAY column's value: a list's elements each coerced to the element type (an empty list stays
   * an empty array), a lone value a one-element array.
   */
  private static Object[] array(Object value, ColumnType elementType, String column) throws RowParseException {
    if (value instanceof List<?> list) {
      Object[] elements = new Object[list.size()];
      for (int i = 0; i < elements.length; i++) {
        elements[i] = coerce(list.get(i), elementType, column);
      }
      return elements;
    }
    if (value instanceof Object[] already) {
      return array(java.util.Arrays.asList(already), elementType, column);
    }
    return new Object[] {coerce(value, elementType, column)};
  }

  private static String stringOf(Object element) {
    return element == null ? null : element.toString();
  }
}
