package io.msqbeam.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The two Druid API calls the benchmark makes: run an ingestion task to its end, and a SQL query. */
final class SqlTaskClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  SqlTaskClient(URI base) {
    this.base = base;
  }

  /** A task still running after this long is reported as such rather than waited for. */
  private static final long TASK_DEADLINE_NANOS = java.util.concurrent.TimeUnit.HOURS.toNanos(2);
  private static final long POLL_MILLIS = 200;

  /**
   * Submits {@code sql} to {@code /druid/v2/sql/task} and polls its status every 200 ms until it ends:
   * often enough that the wait adds under 1 % to a job of seconds, rarely enough that answering the
   * polls does not show in the server's CPU seconds (polling every 50 ms cost it about 4 % of a core).
   */
  TaskOutcome runTask(String sql, Map<String, Object> context) throws IOException, InterruptedException {
    long start = System.nanoTime();
    JsonNode submitted = post("/druid/v2/sql/task", Map.of("query", sql, "context", context));
    String taskId = submitted.path("taskId").asText(null);
    if (taskId == null) {
      throw new IOException("submit failed: " + submitted);
    }
    while (true) {
      JsonNode status = get("/druid/indexer/v1/task/" + taskId + "/status").path("status");
      String state = status.path("statusCode").asText();
      if (state.equals("SUCCESS") || state.equals("FAILED")) {
        return new TaskOutcome(taskId, state, System.nanoTime() - start, status.path("errorMsg").asText(null));
      }
      if (System.nanoTime() - start > TASK_DEADLINE_NANOS) {
        return new TaskOutcome(taskId, "TIMED OUT", System.nanoTime() - start, "still " + state + " after 2 hours");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** The single value of a one-row, one-column SQL result. */
  JsonNode scalar(String sql) throws IOException, InterruptedException {
    JsonNode rows = post("/druid/v2/sql", Map.of("query", sql, "resultFormat", "array"));
    return rows.path(0).path(0);
  }

  private JsonNode post(String path, Object body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    return JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  record TaskOutcome(String taskId, String state, long nanos, String errorMsg) {}
}
