package io.msqbeam.server.lookup;

import static java.util.Objects.requireNonNull;

/**
 * A refusal of the lookups API, answered as Druid's coordinator answers it: the status and
 * {@code {"error": message}} (its {@code ServletResourceUtils.sanitizeException}), not the SQL API's
 * error shape.
 */
public final class LookupApiException extends RuntimeException {
  private final int status;

  LookupApiException(int status, String message) {
    super(requireNonNull(message, "message is null"));
    this.status = status;
  }

  public int status() {
    return status;
  }

  static LookupApiException badRequest(String message) {
    return new LookupApiException(400, message);
  }

  static LookupApiException notFound(String message) {
    return new LookupApiException(404, message);
  }

  /** What Druid's coordinator answers for an exception its lookup manager throws: a 500. */
  static LookupApiException serverError(String message) {
    return new LookupApiException(500, message);
  }
}
