package io.msqbeam.server.sql;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Druid's body for a legacy query exception, in its exact field order:
 * {@code {"error":"Query cancelled","errorClass":…,"host":…,"errorCode":"legacyQueryException",
 * "persona":"OPERATOR","category":"CANCELED","errorMessage":…,"context":{"host":…,"errorClass":…,
 * "legacyErrorCode":…}}}.
 */
@JsonPropertyOrder({"error", "errorClass", "host", "errorCode", "persona", "category", "errorMessage", "context"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LegacyQueryErrorBody(
    String error, String errorClass, String host, String errorCode, String persona, String category,
    String errorMessage, Map<String, String> context) {
  public static final String LEGACY_QUERY_EXCEPTION = "legacyQueryException";

  public LegacyQueryErrorBody {
    requireNonNull(error, "error is null");
    requireNonNull(errorClass, "errorClass is null");
    requireNonNull(errorCode, "errorCode is null");
    requireNonNull(persona, "persona is null");
    requireNonNull(category, "category is null");
    requireNonNull(errorMessage, "errorMessage is null");
    context = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(context, "context is null")));
  }

  public static LegacyQueryErrorBody of(LegacyQueryException e) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("host", e.host());
    context.put("errorClass", e.errorClass());
    context.put("legacyErrorCode", e.legacyCode());
    return new LegacyQueryErrorBody(e.legacyCode(), e.errorClass(), e.host(), LEGACY_QUERY_EXCEPTION, "OPERATOR",
        e.category().name(), e.getMessage(), context);
  }

  /** The HTTP status, fixed by the category as for every Druid error. */
  public static int httpStatus(LegacyQueryException e) {
    return e.category().httpStatus();
  }
}
