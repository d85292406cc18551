package io.msqbeam.translator.error;

import java.util.Map;

/** Factory for Druid's {@code invalidInput} errors that are not about the SQL text (e.g. a bad context value). */
public final class InvalidInput {
  private InvalidInput() {}

  public static DruidException exception(String message) {
    return new DruidException(
        "invalidInput", DruidException.Persona.USER, DruidException.Category.INVALID_INPUT, message, Map.of(), null);
  }
}
