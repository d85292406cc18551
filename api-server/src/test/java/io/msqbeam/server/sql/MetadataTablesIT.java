package io.msqbeam.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code INFORMATION_SCHEMA} and {@code sys} tables over {@code POST /druid/v2/sql}, after ingesting
 * Druid's 20-row {@code wikipedia-sampled.json} into {@code w}; and the task engine's refusal of them.
 */
class MetadataTablesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA = Path.of("src/test/resources/data").toAbsolutePath();
  private static final String INSERT = "INSERT INTO w SELECT TIME_PARSE(\"timestamp\") AS __time, channel, added FROM"
      + " TABLE(EXTERN('{\"type\":\"local\",\"baseDir\":\"" + DATA + "\",\"filter\":\"wikipedia-sampled.json\"}',"
      + "'{\"type\":\"json\"}','[{\"name\":\"timestamp\",\"type\":\"string\"},{\"name\":\"channel\",\"type\":\"string\"},"
      + "{\"name\":\"added\",\"type\":\"long\"}]')) PARTITIONED BY DAY";

  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir
  Path dataDir;
  private ServerComponents server;
  private String base;

  @BeforeEach
  void startAndIngest() throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    base = "http://127.0.0.1:" + server.apiServer().port();
    assertThat(runTask(INSERT, "t1")).isEqualTo("SUCCESS");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void listsTheDataSourceInInformationSchemaTables() throws Exception {
    assertThat(query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'druid'"))
        .isEqualTo(JSON.readTree("[[\"w\"]]"));
  }

  @Test
  void describesTheColumnsWithDruidSqlTypes() throws Exception {
    assertThat(query("SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'w'"
        + " ORDER BY ORDINAL_POSITION"))
        .isEqualTo(JSON.readTree("[[\"__time\",\"TIMESTAMP\"],[\"channel\",\"VARCHAR\"],[\"added\",\"BIGINT\"]]"));
  }

  @Test
  void countsTheSegmentsAndTheirRowsInSysSegments() throws Exception {
    assertThat(query("SELECT COUNT(*) FROM sys.segments WHERE datasource = 'w'")).isEqualTo(JSON.readTree("[[1]]"));
    assertThat(query("SELECT \"start\", \"end\", num_rows, is_active, is_overshadowed FROM sys.segments"))
        .isEqualTo(JSON.readTree("[[\"2016-06-27T00:00:00.000Z\",\"2016-06-28T00:00:00.000Z\",20,1,0]]"));
  }

  @Test
  void listsTheIngestionTaskInSysTasks() throws Exception {
    assertThat(query("SELECT task_id, status FROM sys.tasks")).isEqualTo(JSON.readTree("[[\"query-t1\",\"SUCCESS\"]]"));
  }

  @Test
  void theTaskEngineRefusesSystemTables() throws Exception {
    for (String table : new String[] {"INFORMATION_SCHEMA.SCHEMATA", "sys.segments"}) {
      HttpResponse<String> response = post("/druid/v2/sql/task",
          JSON.writeValueAsString(Map.of("query", "SELECT * FROM " + table)));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(response.body()).path("error");
      assertThat(error.path("errorCode").asText()).isEqualTo("invalidInput");
      assertThat(error.path("errorMessage").asText())
          .isEqualTo("Cannot query table(s) [" + table + "] with SQL engine [msq-task]");
    }
  }

  private String runTask(String sql, String sqlQueryId) throws Exception {
    HttpResponse<String> submit = post("/druid/v2/sql/task", JSON.writeValueAsString(
        Map.of("query", sql, "context", Map.of("sqlQueryId", sqlQueryId))));
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(202);
    String taskId = JSON.readTree(submit.body()).path("taskId").asText();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      JsonNode status = JSON.readTree(get("/druid/indexer/v1/task/" + taskId + "/status")).path("status");
      String code = status.path("statusCode").asText();
      if (code.equals("SUCCESS") || code.equals("FAILED")) {
        return code;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("task did not finish: " + sql);
  }

  private JsonNode query(String sql) throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql", JSON.writeValueAsString(Map.of("query", sql,
        "resultFormat", "array")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
