package io.msqbeam.server.statement;

import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.DruidException.Category;
import io.msqbeam.translator.error.DruidException.Persona;
import io.msqbeam.translator.error.InvalidInput;
import io.msqbeam.translator.error.NotFound;
import java.util.Map;

/**
 * The errors of Druid's {@code SqlStatementResource}, worded as it words them. Those it builds with
 * {@code DruidException.forPersona(…).ofCategory(…)} carry Druid's default error code {@code general};
 * those made with {@code InvalidInput.exception} carry {@code invalidInput}.
 */
final class StatementErrors {
  private StatementErrors() {}

  static DruidException notFound(String queryId) {
    return NotFound.exception("Query [" + queryId + "] was not found. The query details are no longer present or"
        + " might not be of the type [query_controller]. Verify that the id is correct.");
  }

  static DruidException negativePage() {
    return general(Persona.USER, Category.INVALID_INPUT, "Page cannot be negative. Please pass a positive number.");
  }

  static DruidException pageOutOfRange(long page) {
    return InvalidInput.exception("Page number [" + page + "] is out of the range of results");
  }

  static DruidException notComplete(String queryId, StatementState state) {
    return general(Persona.USER, Category.INVALID_INPUT,
        "Query[" + queryId + "] is currently in [" + state + "] state. Please wait for it to complete.");
  }

  static DruidException failed(String queryId) {
    return general(Persona.USER, Category.INVALID_INPUT,
        "Query[" + queryId + "] failed. Check the status api for more details.");
  }

  /** Druid's answer to anything unexpected while serving a statement, e.g. an unknown result format. */
  static DruidException cannotHandle(String queryId, Throwable cause) {
    return new DruidException("general", Persona.DEVELOPER, Category.UNCATEGORIZED,
        "Failed to handle query [" + queryId + "]", Map.of(), cause);
  }

  static DruidException general(Persona persona, Category category, String message) {
    return new DruidException("general", persona, category, message, Map.of(), null);
  }
}
