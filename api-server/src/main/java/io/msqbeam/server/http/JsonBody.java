package io.msqbeam.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;

import static java.util.Objects.requireNonNull;

/**
 * Reads JSON request bodies for handlers, so that every Jackson failure becomes an
 * {@link InvalidRequestBodyException} (HTTP 400, Druid's "Unknown exception" body).
 *
 * <p>Use it instead of {@code ctx.bodyAsClass(…)}, whose failures would surface as 500s.
 */
public final class JsonBody {
  private final ObjectMapper mapper;

  public JsonBody(ObjectMapper mapper) {
    this.mapper = requireNonNull(mapper, "mapper is null");
  }

  public <T> T read(Context ctx, Class<T> type) {
    return read(ctx, mapper.constructType(type));
  }

  public <T> T read(Context ctx, JavaType type) {
    return read(ctx.bodyAsBytes(), type);
  }

  /** Parses {@code body}; visible for handlers that already hold the bytes. */
  public <T> T read(byte[] body, JavaType type) {
    try {
      return mapper.readValue(body, type);
    } catch (JacksonException e) {
      throw new InvalidRequestBodyException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the request body", e);
    }
  }
}
