package io.msqbeam.translator.error;

import java.util.Map;

/** Factory for Druid's {@code notFound} errors (HTTP 404), e.g. a statement id no task answers to. */
public final class NotFound {
  private NotFound() {}

  public static DruidException exception(String message) {
    return new DruidException(
        "notFound", DruidException.Persona.USER, DruidException.Category.NOT_FOUND, message, Map.of(), null);
  }
}
