package io.msqbeam.translator.planner;

import io.msqbeam.translator.error.DruidException;
import java.util.Map;

/** Druid's "Query could not be planned" error (400, errorCode {@code general}) with a reason. */
final class Unplannable {
  private Unplannable() {}

  static DruidException because(String reason) {
    return new DruidException("general", DruidException.Persona.USER, DruidException.Category.INVALID_INPUT,
        "Query could not be planned. A possible reason is [" + reason + "]", Map.of(), null);
  }
}
