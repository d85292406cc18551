package io.msqbeam.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static java.util.Objects.requireNonNull;

/**
 * Druid's older error body, {@code {"error":"Unknown exception","errorMessage":…,"errorClass":…,
 * "host":null}}, which a Druid router sends when a request body cannot be deserialized.
 *
 * @param host always null here, as in the captures (a router does not name the broker)
 */
@JsonPropertyOrder({"error", "errorMessage", "errorClass", "host"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LegacyErrorBody(String error, String errorMessage, String errorClass, String host) {
  public static final String UNKNOWN_EXCEPTION = "Unknown exception";

  public LegacyErrorBody {
    requireNonNull(error, "error is null");
    requireNonNull(errorMessage, "errorMessage is null");
    requireNonNull(errorClass, "errorClass is null");
  }

  /** The body for a request body that Jackson could not read. */
  public static LegacyErrorBody of(InvalidRequestBodyException e) {
    Throwable jackson = e.getCause();
    return new LegacyErrorBody(UNKNOWN_EXCEPTION, jackson.getMessage(), jackson.getClass().getName(), null);
  }
}
