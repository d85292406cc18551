package io.msqbeam.server.sql;

import static java.util.Objects.requireNonNull;

import io.msqbeam.translator.error.DruidException.Category;

/**
 * A query that stopped at run time for a reason Druid still reports in its older shape: cancelled
 * through {@code DELETE /druid/v2/sql/{id}} (500) or past its context {@code timeout} (504).
 *
 * <p>Druid 33 sends these as {@link LegacyQueryErrorBody}, which carries both the legacy fields
 * ({@code error}, {@code errorClass}, {@code host}) and the current ones; the Java class names are
 * Druid's, because clients read them.
 */
public final class LegacyQueryException extends RuntimeException {
  private final String legacyCode;
  private final String errorClass;
  private final Category category;
  private final String host;

  private LegacyQueryException(String legacyCode, String errorClass, Category category, String message, String host) {
    super(requireNonNull(message, "message is null"));
    this.legacyCode = requireNonNull(legacyCode, "legacyCode is null");
    this.errorClass = requireNonNull(errorClass, "errorClass is null");
    this.category = requireNonNull(category, "category is null");
    this.host = host;
  }

  /** A query cancelled by {@code DELETE /druid/v2/sql/{sqlQueryId}}, as fixture sql-cancel words it. */
  public static LegacyQueryException cancelled(String host) {
    return new LegacyQueryException("Query cancelled", "java.util.concurrent.CancellationException",
        Category.CANCELED, "Task was cancelled.", host);
  }

  /** A query that ran longer than its context {@code timeout}. */
  public static LegacyQueryException timedOut(String sqlQueryId, String host) {
    return new LegacyQueryException("Query timeout", "org.apache.druid.query.QueryTimeoutException",
        Category.TIMEOUT, "Query [" + sqlQueryId + "] timed out!", host);
  }

  /** A context value that cannot be parsed, e.g. a {@code timeout} that is not a number. */
  public static LegacyQueryException badContext(String message) {
    return new LegacyQueryException("Query context parse failed", "org.apache.druid.query.BadQueryContextException",
        Category.INVALID_INPUT, message, null);
  }

  public String legacyCode() {
    return legacyCode;
  }

  public String errorClass() {
    return errorClass;
  }

  public Category category() {
    return category;
  }

  /** The {@code host:port} of the server that ran the query, or null when none did. */
  public String host() {
    return host;
  }
}
