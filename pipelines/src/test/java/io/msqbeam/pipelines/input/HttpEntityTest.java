package io.msqbeam.pipelines.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.msqbeam.translator.plan.HttpInputSource;
import io.msqbeam.translator.plan.PasswordProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads from a JDK HTTP server on loopback started by the test. */
class HttpEntityTest {
  private static final String CSV = "a,1\nb,2\n";

  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/plain.csv", exchange -> {
      byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/secret.csv.gz", exchange -> {
      String expected = "Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
        return;
      }
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(gz)) {
        out.write(CSV.getBytes(StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(200, 0); // chunked: the reader must not need a length
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(gz.toByteArray());
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String read(InputSplit split) throws IOException {
    try (InputStream in = SplitStreams.open(split)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsAUriAsASplit() throws IOException {
    HttpInputSource source = new HttpInputSource(List.of(base + "/plain.csv"), null, null, null);
    List<InputSplit> splits = InputSplits.of(source);
    assertThat(splits).hasSize(1);
    assertThat(read(splits.get(0))).isEqualTo(CSV);
  }

  @Test
  void sendsBasicAuthAndDecompressesByPathName() throws IOException {
    HttpInputSource source = new HttpInputSource(List.of(base + "/secret.csv.gz"), "bob", PasswordProvider.of("pw"),
        null);
    assertThat(read(InputSplit.http(source.uris().get(0), source))).isEqualTo(CSV);
  }

  @Test
  void failsOnAnErrorStatus() {
    HttpInputSource source = new HttpInputSource(List.of(base + "/secret.csv.gz"), "bob", PasswordProvider.of("no"),
        null);
    assertThatThrownBy(() -> read(InputSplit.http(source.uris().get(0), source)))
        .isInstanceOf(IOException.class).hasMessageContaining("HTTP status 401");
  }

  @Test
  void refusesProtocolsOutsideTheAllowList() {
    HttpInputSource source = new HttpInputSource(List.of("file:///etc/passwd"), null, null, null);
    assertThatThrownBy(() -> read(InputSplit.http(source.uris().get(0), source)))
        .hasMessage("Only [http, https] protocols are allowed");
  }
}
