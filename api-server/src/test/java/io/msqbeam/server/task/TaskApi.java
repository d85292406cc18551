package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.ServerComponents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A client of a running server's task and SQL APIs for end-to-end tests, over loopback HTTP:
 * submit statements, poll task status with a deadline, read reports, run SQL queries.
 */
final class TaskApi {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TASK_DEADLINE = Duration.ofMinutes(3);

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  TaskApi(ServerComponents server) {
    this.base = "http://127.0.0.1:" + server.apiServer().port();
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> delete(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A task-submit body with the query and a context that fixes the sqlQueryId. */
  static String body(String sql, String sqlQueryId, Map<String, Object> context) throws Exception {
    Map<String, Object> withId = new HashMap<>(context);
    withId.put("sqlQueryId", sqlQueryId);
    return JSON.writeValueAsString(Map.of("query", sql, "context", withId));
  }

  /** Submits a statement (expecting 202) and waits for its task to end; returns the final status. */
  JsonNode run(String sql, String sqlQueryId, Map<String, Object> context) throws Exception {
    HttpResponse<String> submit = post("/druid/v2/sql/task", body(sql, sqlQueryId, context));
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(202);
    return awaitTerminal("query-" + sqlQueryId);
  }

  /** As {@link #run}, for a statement that must succeed: fails the test with the status otherwise. */
  JsonNode runToSuccess(String sql, String sqlQueryId, Map<String, Object> context) throws Exception {
    JsonNode status = run(sql, sqlQueryId, context);
    assertThat(status.path("statusCode").asText()).as(status.toString()).isEqualTo("SUCCESS");
    return status;
  }

  /** The rows one SELECT gave through each door: the task report's results and the SQL API's array. */
  record DoorRows(JsonNode task, JsonNode sql) {}

  /**
   * Runs a SELECT through both doors, {@code POST /druid/v2/sql/task} (as task {@code query-<id>},
   * expecting SUCCESS) and {@code POST /druid/v2/sql} in the array format (expecting 200), each with
   * its own context; comparing the two is the caller's, since the doors render some types apart.
   */
  DoorRows bothDoors(String sql, String id, Map<String, Object> taskContext, Map<String, Object> sqlContext)
      throws Exception {
    JsonNode status = run(sql, id, taskContext);
    assertThat(status.path("statusCode").asText()).as(status.toString()).isEqualTo("SUCCESS");
    JsonNode taskRows = report("query-" + id).at("/multiStageQuery/payload/results/results");
    HttpResponse<String> response = post("/druid/v2/sql", JSON.writeValueAsString(
        Map.of("query", sql, "resultFormat", "array", "context", sqlContext)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new DoorRows(taskRows, JSON.readTree(response.body()));
  }

  JsonNode awaitTerminal(String taskId) throws Exception {
    return awaitStatus(taskId, s -> s.path("statusCode").asText().equals("SUCCESS")
        || s.path("statusCode").asText().equals("FAILED"));
  }

  JsonNode awaitRunning(String taskId) throws Exception {
    return awaitStatus(taskId, s -> s.path("runnerStatusCode").asText().equals("RUNNING"));
  }

  /** Polls the task status until {@code done} holds, failing after a deadline. */
  JsonNode awaitStatus(String taskId, Predicate<JsonNode> done) throws Exception {
    Instant deadline = Instant.now().plus(TASK_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      JsonNode status = JSON.readTree(get("/druid/indexer/v1/task/" + taskId + "/status").body()).path("status");
      if (done.test(status)) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("task " + taskId + " did not reach the expected status in " + TASK_DEADLINE);
  }

  JsonNode report(String taskId) throws Exception {
    return JSON.readTree(get("/druid/indexer/v1/task/" + taskId + "/reports").body());
  }

  /**
   * A field of a channel counter of a stage (e.g. {@code input0}, {@code rows}) summed over the
   * report's workers: which worker of a multi-worker stage read what is Flink's choice.
   */
  static long counterTotal(JsonNode report, int stage, String counter, String field) {
    long total = 0;
    for (JsonNode worker : report.at("/multiStageQuery/payload/counters/" + stage)) {
      JsonNode value = worker.path(counter).path(field);
      total += value.isArray() ? value.path(0).asLong() : value.asLong();
    }
    return total;
  }

  /** Runs a query on the SQL API, expecting 200, and returns the body. */
  String sql(String query, String format) throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql", JSON.writeValueAsString(Map.of("query", query,
        "resultFormat", format)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  JsonNode sqlArray(String query) throws Exception {
    return JSON.readTree(sql(query, "array"));
  }
}
