package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.cli.ServerCommandLine;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allow-list of {@code http} input sources, end to end: a server started from the command line
 * with {@code --http-allowed-protocols http --http-allowed-hosts 127.0.0.1} reads the 20-row sample
 * from a local HTTP server by that address, and refuses another host or protocol at planning time
 * with Druid's message, before any request reaches the file server.
 */
class HttpInputAllowListIT {
  private static final Path SAMPLE = Path.of("src/test/resources/data/wikipedia-sampled.json").toAbsolutePath();
  private static final String SIGNATURE = "[{\"name\":\"timestamp\",\"type\":\"string\"},"
      + "{\"name\":\"channel\",\"type\":\"string\"},{\"name\":\"added\",\"type\":\"long\"}]";

  @TempDir
  static Path dataDir;
  private static HttpServer files;
  private static final AtomicInteger requests = new AtomicInteger();
  private static ServerComponents server;
  private static TaskApi api;

  @BeforeAll
  static void start() throws Exception {
    files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = Files.readAllBytes(SAMPLE);
    files.createContext("/wikipedia-sampled.json", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    files.start();
    ServerCommandLine.RunServer run = (ServerCommandLine.RunServer) ServerCommandLine.parse("server", "--port", "0",
        "--data-dir", dataDir.toString(), "--http-allowed-protocols", "http", "--http-allowed-hosts", "127.0.0.1");
    server = ServerComponents.create(run.config(), run.httpInput());
    server.start();
    api = new TaskApi(server);
  }

  @AfterAll
  static void stop() {
    server.close();
    files.stop(0);
  }

  private static String uri(String host) {
    return "http://" + host + ":" + files.getAddress().getPort() + "/wikipedia-sampled.json";
  }

  private static String extern(String uri) {
    return "TABLE(EXTERN('{\"type\":\"http\",\"uris\":[\"" + uri + "\"]}','{\"type\":\"json\"}','" + SIGNATURE + "'))";
  }

  @Test
  void readsAnAllowedHost() throws Exception {
    List<JsonNode> rows = Files.readAllLines(SAMPLE).stream().filter(line -> !line.isBlank())
        .map(line -> {
          try {
            return TaskApi.JSON.readTree(line);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).toList();
    long added = rows.stream().mapToLong(row -> row.path("added").asLong()).sum();

    api.runToSuccess("INSERT INTO web SELECT TIME_PARSE(\"timestamp\") AS __time, channel, added FROM "
        + extern(uri("127.0.0.1")) + " PARTITIONED BY DAY", "allowed", Map.of());
    JsonNode read = api.sqlArray("SELECT COUNT(*), SUM(added) FROM web");
    assertThat(read.get(0).get(0).asLong()).isEqualTo(rows.size());
    assertThat(read.get(0).get(1).asLong()).isEqualTo(added);
  }

  @Test
  void refusesAnotherHostAtPlanningWithoutReadingIt() throws Exception {
    int before = requests.get();
    assertRefused("INSERT INTO other SELECT TIME_PARSE(\"timestamp\") AS __time, channel FROM "
        + extern(uri("localhost")) + " PARTITIONED BY DAY", "Only [127.0.0.1] hosts are allowed");
    assertRefused("INSERT INTO other SELECT TIME_PARSE(\"timestamp\") AS __time, channel FROM TABLE(http(uris => ARRAY['"
        + uri("localhost") + "'], format => 'json')) (\"timestamp\" VARCHAR, channel VARCHAR) PARTITIONED BY DAY",
        "Only [127.0.0.1] hosts are allowed");
    assertThat(requests.get()).isEqualTo(before);
  }

  @Test
  void refusesAProtocolOutsideTheList() throws Exception {
    assertRefused("INSERT INTO other SELECT TIME_PARSE(\"timestamp\") AS __time, channel FROM "
        + extern(uri("127.0.0.1").replace("http://", "https://")) + " PARTITIONED BY DAY",
        "Only [http] protocols are allowed");
  }

  private static void assertRefused(String sql, String problem) throws Exception {
    HttpResponse<String> response = api.post("/druid/v2/sql/task", TaskApi.body(sql, "refused", Map.of()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = TaskApi.JSON.readTree(response.body()).path("error");
    assertThat(error.path("errorCode").asText()).isEqualTo("invalidInput");
    assertThat(error.path("errorMessage").asText()).isEqualTo("Invalid value for the field [inputSource]. Reason:"
        + " Cannot construct instance of `org.apache.druid.data.input.impl.HttpInputSource`, problem: " + problem);
  }
}
