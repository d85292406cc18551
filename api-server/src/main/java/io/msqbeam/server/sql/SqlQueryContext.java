package io.msqbeam.server.sql;

import static java.util.Objects.requireNonNull;

import io.msqbeam.translator.error.InvalidInput;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * The context parameters the SQL API itself acts on, read once from the request's {@code context}.
 *
 * @param sqlQueryId {@code sqlQueryId}, or a fresh UUID as Druid generates one
 * @param timeout {@code timeout} in ms; Druid's default is 300,000 and 0 means none (then null)
 * @param timeZone {@code sqlTimeZone} for TIMESTAMP output, UTC by default
 * @param stringifyArrays {@code sqlStringifyArrays}, true by default over HTTP
 */
public record SqlQueryContext(String sqlQueryId, Duration timeout, ZoneId timeZone, boolean stringifyArrays) {
  /** Druid's {@code druid.server.http.defaultQueryTimeout}. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  public SqlQueryContext {
    requireNonNull(sqlQueryId, "sqlQueryId is null");
    requireNonNull(timeZone, "timeZone is null");
  }

  /** The id alone, read before anything else so that even a bad context is answered with query-id headers. */
  static String sqlQueryId(Map<String, Object> context) {
    Object id = context.get("sqlQueryId");
    return id == null || id.toString().isEmpty() ? UUID.randomUUID().toString() : id.toString();
  }

  static SqlQueryContext from(String sqlQueryId, Map<String, Object> context) {
    return new SqlQueryContext(sqlQueryId, timeout(context.get("timeout")), timeZone(context.get("sqlTimeZone")),
        !"false".equals(String.valueOf(context.get("sqlStringifyArrays"))));
  }

  private static Duration timeout(Object value) {
    if (value == null) {
      return DEFAULT_TIMEOUT;
    }
    long millis;
    if (value instanceof Number number) {
      millis = number.longValue();
    } else {
      try {
        millis = Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw LegacyQueryException.badContext("Expected key [timeout] to be a long, but got [" + value + "]");
      }
    }
    return millis == 0 ? null : Duration.ofMillis(millis);
  }

  private static ZoneId timeZone(Object value) {
    if (value == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(value.toString());
    } catch (DateTimeException e) {
      throw InvalidInput.exception("Invalid sqlTimeZone [" + value + "]");
    }
  }
}
