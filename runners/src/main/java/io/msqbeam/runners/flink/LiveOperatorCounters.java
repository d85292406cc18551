package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.runners.StageCounters;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;

/**
 * Reads a running job's progress from Flink's own per-operator record counts, through the cluster's
 * REST API. Beam's counters cannot show progress: in batch a task is one bundle, so Beam hands its
 * metrics to Flink only when the task ends. Flink counts every record an operator emits, live
 * (refreshed as often as the cluster's metric fetcher allows). Only counts that mean exactly what a
 * Druid counter means are reported: the rows emitted by a stage's {@code Stage<N>-read} ParDo are its
 * {@code input0.rows}, one per row read, and subtask {@code i} of its vertex is worker {@code i}.
 * Not thread-safe; {@link FlinkJob} serialises calls.
 */
final class LiveOperatorCounters {
  /**
   * Flink's metric id of the records a {@code Stage<N>-read} ParDo emitted, e.g.
   * {@code FlatMap_(FlatMap_at_Stage0-read/ParMultiDo(ReadExternal)).numRecordsOut}; the
   * {@code …_output)} operator after it, which only unwraps Beam's output, does not match.
   */
  private static final Pattern READ_RECORDS_OUT =
      Pattern.compile("(?:^|[_(])Stage(\\d+)-read/ParMultiDo\\([^()]*\\)\\)?\\.numRecordsOut$");
  private static final Pattern READ_VERTEX = Pattern.compile("Stage\\d+-read/");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI jobUri;
  /** Reading vertex id → ids of its read-operator metrics; fixed once Flink has deployed the vertex. */
  private final Map<String, List<String>> readMetrics = new LinkedHashMap<>();
  /** Reading vertex id → its parallelism: how many subtasks, i.e. workers, count. */
  private final Map<String, Integer> parallelism = new HashMap<>();
  private boolean verticesKnown;

  LiveOperatorCounters(HttpClient http, URI restAddress, JobID jobId) {
    this.http = requireNonNull(http, "http is null");
    this.jobUri = requireNonNull(restAddress, "restAddress is null").resolve("/jobs/" + requireNonNull(jobId, "jobId is null"));
  }

  /** The stage whose {@code Stage<N>-read} ParDo a Flink operator metric id counts the output of. */
  static OptionalInt readingStage(String metricId) {
    Matcher matcher = READ_RECORDS_OUT.matcher(metricId);
    return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
  }

  /** The live counters now; stages whose reading has not been deployed yet are absent. */
  StageCounters read() {
    if (!verticesKnown) {
      // An initializing job shows no vertices yet; its graph is fixed once they show.
      JsonNode vertices = get(jobUri).path("vertices");
      for (JsonNode vertex : vertices) {
        if (READ_VERTEX.matcher(vertex.path("name").asText()).find()) {
          readMetrics.put(vertex.path("id").asText(), List.of());
          parallelism.put(vertex.path("id").asText(), Math.max(1, vertex.path("parallelism").asInt(1)));
        }
      }
      verticesKnown = !vertices.isEmpty();
    }
    Map<Integer, Map<Integer, Map<String, Map<String, Long>>>> values = new HashMap<>();
    for (Map.Entry<String, List<String>> vertex : readMetrics.entrySet()) {
      String subtasks = jobUri.getPath() + "/vertices/" + vertex.getKey() + "/subtasks/";
      if (vertex.getValue().isEmpty()) {
        List<String> ids = new ArrayList<>();
        get(jobUri.resolve(subtasks + "metrics")).forEach(metric -> {
          if (readingStage(metric.path("id").asText()).isPresent()) {
            ids.add(metric.path("id").asText());
          }
        });
        vertex.setValue(List.copyOf(ids));
      }
      if (vertex.getValue().isEmpty()) {
        continue;
      }
      // Subtask i is worker i: each one's count is that worker's input0.rows.
      String query = "/metrics?get=" + URLEncoder.encode(String.join(",", vertex.getValue()), StandardCharsets.UTF_8);
      for (int subtask = 0; subtask < parallelism.get(vertex.getKey()); subtask++) {
        for (JsonNode metric : get(jobUri.resolve(subtasks + subtask + query))) {
          int stage = readingStage(metric.path("id").asText()).orElseThrow();
          StageCounters.add(values, new CounterNames.Key(stage, subtask, CounterNames.INPUT0, "rows"),
              metric.path("value").asLong());
        }
      }
    }
    return StageCounters.byWorker(values);
  }

  private JsonNode get(URI uri) {
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read live metrics from Flink at " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading live metrics from Flink at " + uri, e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Flink answered " + response.statusCode() + " for " + uri + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Flink answered malformed JSON for " + uri, e);
    }
  }
}
