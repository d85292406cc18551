package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same ingestion on the embedded Flink cluster, chosen per statement with context {@code runner}:
 * the rows equal the DirectRunner's, the report names the runner, and shutdown cancels the Flink job.
 */
class FlinkIngestionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA = Path.of("../examples/data").toAbsolutePath().normalize();
  private static final String SIGNATURE = "[{\"name\":\"time\",\"type\":\"string\"},{\"name\":\"channel\",\"type\":\"string\"},"
      + "{\"name\":\"cityName\",\"type\":\"string\"},{\"name\":\"comment\",\"type\":\"string\"},"
      + "{\"name\":\"countryIsoCode\",\"type\":\"string\"},{\"name\":\"countryName\",\"type\":\"string\"},"
      + "{\"name\":\"isAnonymous\",\"type\":\"string\"},{\"name\":\"isMinor\",\"type\":\"string\"},"
      + "{\"name\":\"isNew\",\"type\":\"string\"},{\"name\":\"isRobot\",\"type\":\"string\"},"
      + "{\"name\":\"isUnpatrolled\",\"type\":\"string\"},{\"name\":\"metroCode\",\"type\":\"long\"},"
      + "{\"name\":\"namespace\",\"type\":\"string\"},{\"name\":\"page\",\"type\":\"string\"},"
      + "{\"name\":\"regionIsoCode\",\"type\":\"string\"},{\"name\":\"regionName\",\"type\":\"string\"},"
      + "{\"name\":\"user\",\"type\":\"string\"},{\"name\":\"delta\",\"type\":\"long\"},"
      + "{\"name\":\"added\",\"type\":\"long\"},{\"name\":\"deleted\",\"type\":\"long\"}]";


  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dataDir;

  private static String extern() {
    return "TABLE(EXTERN('{\"type\":\"local\",\"baseDir\":\"" + DATA + "\",\"filter\":\"wikiticker-2015-09-12-sampled.json.gz\"}',"
        + "'{\"type\":\"json\"}','" + SIGNATURE + "'))";
  }

  private static String insert(String dataSource, String timeExpression) {
    return "INSERT INTO " + dataSource + " SELECT " + timeExpression + " AS __time, * FROM " + extern()
        + " PARTITIONED BY DAY";
  }

  @Test
  void ingestsWikitickerOnFlinkWithTheSameRowsAsTheDirectRunner() throws Exception {
    ServerComponents server = start();
    String base = "http://127.0.0.1:" + server.apiServer().port();
    try {
      post(base + "/druid/v2/sql/task", body(insert("wiki_flink", "TIME_PARSE(\"time\")"), "flink-1",
          Map.of("runner", "flink", "maxNumTasks", 3)));
      post(base + "/druid/v2/sql/task", body(insert("wiki_direct", "TIME_PARSE(\"time\")"), "direct-1",
          Map.of("runner", "direct", "maxNumTasks", 3)));
      JsonNode flink = awaitTerminal(base, "query-flink-1");
      assertThat(flink.path("statusCode").asText()).as(flink.toString()).isEqualTo("SUCCESS");
      assertThat(awaitTerminal(base, "query-direct-1").path("statusCode").asText()).isEqualTo("SUCCESS");
      JsonNode report = JSON.readTree(get(base + "/druid/indexer/v1/task/query-flink-1/reports").body());
      assertThat(report.at("/taskContext/payload/runner").asText()).isEqualTo("flink");
      assertThat(report.at("/multiStageQuery/payload/counters/0/0/input0/rows/0").asLong()).isEqualTo(39244);

      String byChannel = "SELECT channel, COUNT(*), SUM(added), MIN(__time), MAX(deleted) FROM %s GROUP BY 1 ORDER BY 1";
      assertThat(sql(base, String.format(byChannel, "wiki_flink"), "array"))
          .isEqualTo(sql(base, String.format(byChannel, "wiki_direct"), "array"));

      post(base + "/druid/v2/sql/task", body(insert("wiki_cancel", "TIME_PARSE(\"time\")"), "flink-2",
          Map.of("runner", "flink")));
      awaitRunning(base, "query-flink-2");
      assertThat(post(base + "/druid/indexer/v1/task/query-flink-2/shutdown", "").statusCode()).isEqualTo(200);
      JsonNode canceled = awaitTerminal(base, "query-flink-2");
      assertThat(canceled.path("errorMsg").asText()).isEqualTo("Shutdown request from user");
      assertThat(server.metadataStore().segments().usedSegments("wiki_cancel")).isEmpty();
    } finally {
      server.close();
    }
  }

  @Test
  void rejectsAnUnknownRunnerWithDruidsInvalidInput() throws Exception {
    ServerComponents server = start();
    String base = "http://127.0.0.1:" + server.apiServer().port();
    try {
      HttpResponse<String> response = post(base + "/druid/v2/sql/task",
          body(insert("w", "TIME_PARSE(\"time\")"), "bad-runner", Map.of("runner", "spark")));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).at("/error/errorMessage").asText())
          .isEqualTo("Invalid value for context parameter [runner]: [spark]; valid runners: direct, flink");
    } finally {
      server.close();
    }
  }

  private void awaitRunning(String base, String taskId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (Instant.now().isBefore(deadline)) {
      JsonNode status = JSON.readTree(get(base + "/druid/indexer/v1/task/" + taskId + "/status").body()).path("status");
      if (status.path("runnerStatusCode").asText().equals("RUNNING")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("task " + taskId + " did not start");
  }

  private static String body(String sql, String sqlQueryId, Map<String, Object> context) throws Exception {
    Map<String, Object> withId = new java.util.HashMap<>(context);
    withId.put("sqlQueryId", sqlQueryId);
    return JSON.writeValueAsString(Map.of("query", sql, "context", withId));
  }

  private ServerComponents start() {
    ServerComponents server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    return server;
  }

  private JsonNode awaitTerminal(String base, String taskId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      JsonNode status = JSON.readTree(get(base + "/druid/indexer/v1/task/" + taskId + "/status").body()).path("status");
      String code = status.path("statusCode").asText();
      if (code.equals("SUCCESS") || code.equals("FAILED")) {
        return status;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("task " + taskId + " did not finish in time");
  }

  private String sql(String base, String query, String format) throws Exception {
    HttpResponse<String> response = post(base + "/druid/v2/sql",
        JSON.writeValueAsString(java.util.Map.of("query", query, "resultFormat", format)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }


  private HttpResponse<String> post(String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }


}
