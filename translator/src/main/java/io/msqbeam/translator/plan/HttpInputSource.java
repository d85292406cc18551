package io.msqbeam.translator.plan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.google.common.collect.ImmutableMap;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Druid's {@code http} input source: one split per URI, read streamed, with optional basic auth
 * ({@code httpAuthenticationUsername} plus a password provider) and extra request headers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpInputSource(
    List<String> uris,
    String httpAuthenticationUsername,
    PasswordProvider httpAuthenticationPassword,
    Map<String, String> requestHeaders) implements java.io.Serializable, InputSource {
  /** Druid's default {@code druid.ingestion.http.allowedProtocols}. */
  public static final Set<String> DEFAULT_ALLOWED_PROTOCOLS = Set.of("http", "https");

  public HttpInputSource {
    requireNonNull(uris, "uris is null");
    uris = List.copyOf(uris);
    requestHeaders = requestHeaders == null ? null : ImmutableMap.copyOf(requestHeaders);
  }

  /**
   * Throws Druid's error when a URI uses a protocol outside {@code allowedProtocols}; Druid checks
   * this when the source is built, so a statement never starts reading a forbidden URI.
   */
  public void checkProtocols(Set<String> allowedProtocols) {
    for (String uri : uris) {
      String scheme = URI.create(uri).getScheme();
      if (scheme == null || !allowedProtocols.contains(scheme.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "Only " + List.copyOf(new java.util.TreeSet<>(allowedProtocols)) + " protocols are allowed");
      }
    }
  }
}
