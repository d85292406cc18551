package io.msqbeam.server.statement;

import io.msqbeam.server.sql.LegacyQueryException;
import io.msqbeam.server.sql.ResultFormat;
import io.msqbeam.translator.error.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The context of a statement submitted to the statements API, checked as Druid's
 * {@code SqlStatementResource} checks it before planning.
 *
 * <ul>
 *   <li>The request's {@code resultFormat} travels in the task's context as {@code __resultFormat}, the
 *       default format of its results later; a user may not set that key.
 *   <li>{@code executionMode} must be {@code ASYNC} (matched case-insensitively, as Druid reads enums).
 *   <li>{@code selectDestination} {@code durableStorage} needs durable storage, which this server does
 *       not have: refused with the message Druid gives a cluster without it configured.
 * </ul>
 */
final class StatementContext {
  static final String RESULT_FORMAT = "__resultFormat";
  private static final String EXECUTION_MODE = "executionMode";
  private static final String SELECT_DESTINATION = "selectDestination";

  private StatementContext() {}

  /** The context the task runs with: the request's, plus its result format under {@code __resultFormat}. */
  static Map<String, Object> forTask(Map<String, Object> context, ResultFormat resultFormat) {
    if (context.containsKey(RESULT_FORMAT)) {
      throw InvalidInput.exception("Query context parameter [" + RESULT_FORMAT + "] is not allowed");
    }
    Map<String, Object> withFormat = new LinkedHashMap<>(context);
    // Druid stores the format's lower-cased name (its ResultFormat.toString), e.g. "objectlines".
    withFormat.put(RESULT_FORMAT, resultFormat.name().toLowerCase(Locale.ROOT));
    return withFormat;
  }

  static void check(Map<String, Object> context) {
    String mode = enumValue(EXECUTION_MODE, "ExecutionMode", context.get(EXECUTION_MODE), "SYNC", "ASYNC");
    if (mode == null) {
      throw InvalidInput.exception("Execution mode is not provided to the sql statement api. Please set ["
          + EXECUTION_MODE + "] to [ASYNC] in the query context");
    }
    if (!mode.equals("ASYNC")) {
      throw InvalidInput.exception("The sql statement api currently does not support the provided execution mode ["
          + mode + "]. Please set [" + EXECUTION_MODE + "] to [ASYNC] in the query context");
    }
    String destination = enumValue(SELECT_DESTINATION, "MSQSelectDestination", context.get(SELECT_DESTINATION),
        "TASKREPORT", "EXPORT", "DURABLESTORAGE");
    if ("DURABLESTORAGE".equals(destination)) {
      throw InvalidInput.exception("The sql statement api cannot read from the select destination [durableStorage]"
          + " provided in the query context [" + SELECT_DESTINATION + "] since it is not configured on the broker. It"
          + " is recommended to configure durable storage as it allows the user to fetch large result sets. Please"
          + " contact your cluster admin to configure durable storage.");
    }
  }

  /**
   * A context value read as Druid's {@code QueryContexts.getAsEnum}: null stays null, a string or boolean
   * is upper-cased and must name a constant, anything else is of the wrong type.
   */
  static String enumValue(String key, String enumName, Object value, String... constants) {
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Boolean) {
      String constant = value.toString().toUpperCase(Locale.ROOT);
      for (String known : constants) {
        if (known.equals(constant)) {
          return constant;
        }
      }
      throw LegacyQueryException.badContext(
          "Expected key [" + key + "] to be a value of enum [" + enumName + "], but got [" + value + "]");
    }
    throw LegacyQueryException.badContext("Expected key [" + key + "] to be of type [" + enumName + "], but got ["
        + value.getClass().getName() + "]");
  }
}
