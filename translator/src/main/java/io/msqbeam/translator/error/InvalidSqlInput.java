package io.msqbeam.translator.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Factory for errors in the SQL text: Druid's {@code invalidInput} with {@code sourceType: sql}
 * in the context, and the source position when one is known.
 */
public final class InvalidSqlInput {
  private InvalidSqlInput() {}

  public static DruidException exception(String message) {
    return new DruidException(
        "invalidInput", DruidException.Persona.USER, DruidException.Category.INVALID_INPUT,
        message, Map.of("sourceType", "sql"), null);
  }

  /** An error tied to a span of the SQL text; positions are 1-based as Calcite reports them. */
  public static DruidException atPosition(String message, int line, int column, int endLine, int endColumn, Throwable cause) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("sourceType", "sql");
    context.put("line", Integer.toString(line));
    context.put("column", Integer.toString(column));
    context.put("endLine", Integer.toString(endLine));
    context.put("endColumn", Integer.toString(endColumn));
    return new DruidException(
        "invalidInput", DruidException.Persona.USER, DruidException.Category.INVALID_INPUT, message, context, cause);
  }
}
