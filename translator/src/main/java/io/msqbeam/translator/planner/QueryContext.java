package io.msqbeam.translator.planner;

import io.msqbeam.translator.error.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;

/** The query context keys with behaviour, read with Druid's defaults and validation (§3). */
public record QueryContext(Map<String, Object> values) {
  public static final int DEFAULT_ROWS_PER_SEGMENT = 3_000_000;
  public static final int DEFAULT_ROWS_IN_MEMORY = 100_000;

  public QueryContext {
    values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** {@code maxNumTasks} (alias {@code numTasks}), default 2: the controller plus the workers. */
  public int maxNumTasks() {
    Object value = values.containsKey("maxNumTasks") ? values.get("maxNumTasks") : values.get("numTasks");
    int tasks = value == null ? 2 : intValue("maxNumTasks", value);
    if (tasks < 2) {
      throw InvalidInput.exception("MSQ context maxNumTasks [" + tasks
          + "] cannot be less than 2, since at least 1 controller and 1 worker is necessary");
    }
    return tasks;
  }

  public int workerCount() {
    return maxNumTasks() - 1;
  }

  public int rowsPerSegment() {
    return positiveInt("rowsPerSegment", DEFAULT_ROWS_PER_SEGMENT);
  }

  public int rowsInMemory() {
    Object value = values.containsKey("maxRowsInMemory") ? values.get("maxRowsInMemory") : values.get("rowsInMemory");
    return value == null ? DEFAULT_ROWS_IN_MEMORY : intValue("rowsInMemory", value);
  }

  /** {@code maxNumSegments}: the most segments a time chunk may get; null when unset. */
  public Integer maxNumSegments() {
    Object value = values.get("maxNumSegments");
    return value == null ? null : positiveInt("maxNumSegments", 1);
  }

  /**
   * {@code maxParseExceptions}: unparseable rows tolerated before the task fails; -1 is unlimited.
   * Defaults from {@code mode}: {@code strict} (the default) 0, {@code nonStrict} -1; an explicit
   * value wins. Values below -1 are left for the task to fail on, as Druid does at run time.
   */
  public long maxParseExceptions() {
    Object value = values.get("maxParseExceptions");
    if (value != null) {
      try {
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw InvalidInput.exception("Invalid value for context parameter [maxParseExceptions]: [" + value + "]");
      }
    }
    return "nonStrict".equals(String.valueOf(values.get("mode"))) ? -1 : 0;
  }

  /** {@code failOnEmptyInsert}, default false: an ingestion with no rows fails with InsertCannotBeEmpty. */
  public boolean failOnEmptyInsert() {
    Object value = values.get("failOnEmptyInsert");
    return value != null && Boolean.parseBoolean(value.toString());
  }

  /** {@code windowingStrictValidation}, default true: window frames that may give wrong results are refused. */
  public boolean windowingStrictValidation() {
    Object value = values.get("windowingStrictValidation");
    return value == null || Boolean.parseBoolean(value.toString());
  }

  private int positiveInt(String key, int defaultValue) {
    Object value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    int parsed = intValue(key, value);
    if (parsed < 1) {
      throw InvalidInput.exception("Invalid value for context parameter [" + key + "]: must be a positive integer");
    }
    return parsed;
  }

  private static int intValue(String key, Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw InvalidInput.exception("Invalid value for context parameter [" + key + "]: [" + value + "]");
    }
  }
}
