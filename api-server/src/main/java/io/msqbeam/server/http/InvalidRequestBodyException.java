package io.msqbeam.server.http;

import com.fasterxml.jackson.core.JacksonException;

import static java.util.Objects.requireNonNull;

/**
 * A request body that Jackson could not read: malformed JSON, a wrong type, a failed constructor check.
 *
 * <p>Rendered as HTTP 400 with {@link LegacyErrorBody}, naming the Jackson exception class, as a Druid
 * router does. The cause is always the {@link JacksonException}.
 */
public final class InvalidRequestBodyException extends RuntimeException {
  public InvalidRequestBodyException(JacksonException cause) {
    super(requireNonNull(cause, "cause is null").getOriginalMessage(), cause);
  }
}
