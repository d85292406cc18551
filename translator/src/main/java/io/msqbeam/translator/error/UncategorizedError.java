package io.msqbeam.translator.error;

import java.util.Map;

/** Factory for Druid's {@code general}/{@code UNCATEGORIZED} errors (HTTP 500), e.g. an unexpected exception. */
public final class UncategorizedError {
  private UncategorizedError() {}

  public static DruidException exception(String message, Throwable cause) {
    return new DruidException(
        "general", DruidException.Persona.USER, DruidException.Category.UNCATEGORIZED, message, Map.of(), cause);
  }
}
