package io.msqbeam.translator.planner;

import java.util.Map;

/**
 * The engine a SELECT runs on, which decides which context key turns finalization off: the task
 * engine ({@code POST /druid/v2/sql/task}) reads {@code finalizeAggregations} and overrides the native
 * {@code finalize} with it (Druid's {@code MSQTaskQueryMaker}); the SQL API's native engine passes
 * {@code finalize} to the native query as it is.
 */
public enum SqlEngine {
  TASK("finalizeAggregations"),
  NATIVE("finalize");

  private final String finalizeKey;

  SqlEngine(String finalizeKey) {
    this.finalizeKey = finalizeKey;
  }

  /** Whether the outermost aggregations give finalized values: true unless the engine's key is false. */
  public boolean finalizesAggregations(Map<String, Object> context) {
    Object value = context == null ? null : context.get(finalizeKey);
    return value == null || Boolean.parseBoolean(value.toString());
  }
}
