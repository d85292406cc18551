package io.msqbeam.server.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.msqbeam.translator.error.DruidException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Druid's error body, {@code {"error":"druidException","errorCode":…,"persona":…,"category":…,
 * "errorMessage":…,"context":{…}}}, in exactly that field order.
 *
 * <p>A value rather than a response so that it can be nested, as the task-submit endpoint does:
 * {@code {"taskId":…,"state":"FAILED","error":{…}}}.
 */
@JsonPropertyOrder({"error", "errorCode", "persona", "category", "errorMessage", "context"})
public record DruidErrorBody(
    String error, String errorCode, String persona, String category, String errorMessage, Map<String, String> context) {
  /** The constant value of the {@code error} field for Druid's current error shape. */
  public static final String DRUID_EXCEPTION = "druidException";

  public DruidErrorBody {
    requireNonNull(error, "error is null");
    requireNonNull(errorCode, "errorCode is null");
    requireNonNull(persona, "persona is null");
    requireNonNull(category, "category is null");
    requireNonNull(errorMessage, "errorMessage is null");
    context = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(context, "context is null")));
  }

  public static DruidErrorBody of(DruidException e) {
    return new DruidErrorBody(
        DRUID_EXCEPTION, e.errorCode(), e.persona().name(), e.category().name(), e.getMessage(), e.context());
  }

  /** The HTTP status this error is sent with, fixed by its category. */
  public static int httpStatus(DruidException e) {
    return e.category().httpStatus();
  }
}
