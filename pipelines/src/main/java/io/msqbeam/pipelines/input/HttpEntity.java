package io.msqbeam.pipelines.input;

import io.msqbeam.translator.plan.HttpInputSource;
import io.msqbeam.translator.plan.PasswordProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Opens one URI of an {@code http} input source as a stream of its body (never buffered whole), with
 * basic auth and the source's request headers, like Druid's {@code HttpEntity}. The protocol
 * allow-list is checked again here so a plan built elsewhere cannot reach a forbidden scheme.
 */
public final class HttpEntity {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(30))
      .build();

  private HttpEntity() {}

  public static InputStream open(String uri, HttpInputSource source) throws IOException {
    source.checkProtocols(HttpInputSource.DEFAULT_ALLOWED_PROTOCOLS);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
    if (source.httpAuthenticationUsername() != null) {
      PasswordProvider password = source.httpAuthenticationPassword();
      String credentials = source.httpAuthenticationUsername() + ":"
          + (password == null || password.resolve() == null ? "" : password.resolve());
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    if (source.requestHeaders() != null) {
      for (Map.Entry<String, String> header : source.requestHeaders().entrySet()) {
        request.header(header.getKey(), header.getValue());
      }
    }
    HttpResponse<InputStream> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while opening [" + uri + "]");
    }
    if (response.statusCode() / 100 != 2) {
      response.body().close();
      throw new IOException("Cannot read [" + uri + "]: HTTP status " + response.statusCode());
    }
    return response.body();
  }
}
