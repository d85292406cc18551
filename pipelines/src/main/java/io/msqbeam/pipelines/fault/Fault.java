package io.msqbeam.pipelines.fault;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * An MSQ fault that ends a running task: Druid's {@code errorCode}, {@code errorMessage} and the
 * fault's extra fields, in the order Druid writes them.
 */
public record Fault(String errorCode, String errorMessage, Map<String, Object> fields) implements Serializable {
  public Fault {
    requireNonNull(errorCode, "errorCode is null");
    requireNonNull(errorMessage, "errorMessage is null");
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static Fault insertTimeNull() {
    return new Fault("InsertTimeNull", "Null timestamp (__time) encountered during INSERT or REPLACE.", Map.of());
  }

  public static Fault canceled() {
    return new Fault("Canceled", "Query canceled by user or by task shutdown.", Map.of());
  }

  public static Fault unknown(String message) {
    return new Fault("UnknownError", message == null ? "" : message, Map.of("message", message == null ? "" : message));
  }

  public static Fault cannotParseExternalData(String message) {
    return new Fault("CannotParseExternalData", message, Map.of());
  }

  /** Druid's task status {@code errorMsg}: {@code "<errorCode>: <errorMessage>"}. */
  public String statusMessage() {
    return errorCode + ": " + errorMessage;
  }
}
