package io.msqbeam.translator.error;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The one user-facing error of msq-beam, shaped like Druid's {@code DruidException}: an error code,
 * a persona, a category (which fixes the HTTP status) and a message, plus context fields.
 *
 * <p>Made through the small factories ({@link InvalidSqlInput}, {@link InvalidInput},
 * {@link UncategorizedError}) so that handlers throw and one mapper renders Druid's JSON.
 */
public final class DruidException extends RuntimeException {
  private final String errorCode;
  private final Persona persona;
  private final Category category;
  private final Map<String, String> context;

  public DruidException(
      String errorCode, Persona persona, Category category, String message, Map<String, String> context, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.errorCode = requireNonNull(errorCode, "errorCode is null");
    this.persona = requireNonNull(persona, "persona is null");
    this.category = requireNonNull(category, "category is null");
    this.context = new LinkedHashMap<>(requireNonNull(context, "context is null"));
  }

  public String errorCode() {
    return errorCode;
  }

  public Persona persona() {
    return persona;
  }

  public Category category() {
    return category;
  }

  /** Context fields in insertion order, as Druid prints them (e.g. sourceType, line, column). */
  public Map<String, String> context() {
    return java.util.Collections.unmodifiableMap(context);
  }

  /** Who the message is written for, as in Druid. */
  public enum Persona {
    USER, ADMIN, OPERATOR, DEVELOPER
  }

  /** Druid's error categories; each fixes the HTTP status code of the response. */
  public enum Category {
    DEFENSIVE(500),
    INVALID_INPUT(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CAPACITY_EXCEEDED(429),
    CANCELED(500),
    RUNTIME_FAILURE(500),
    TIMEOUT(504),
    UNSUPPORTED(501),
    SERVICE_UNAVAILABLE(503),
    UNCATEGORIZED(500);

    private final int httpStatus;

    Category(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }
}
