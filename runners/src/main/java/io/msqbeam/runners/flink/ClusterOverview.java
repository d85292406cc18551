package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a Flink cluster's REST API says about itself ({@code GET /overview}): its version and how many
 * TaskManagers and slots it has. Asked before every remote submission, so an unreachable or
 * incompatible cluster fails the task at once with a message that says so, instead of after the REST
 * client's retries (a minute by default) with a connection error.
 *
 * @param flinkVersion e.g. {@code 1.19.0}
 * @param taskManagers registered TaskManagers
 * @param slotsTotal slots of all TaskManagers
 */
record ClusterOverview(String flinkVersion, int taskManagers, int slotsTotal) {
  /** Jobs are translated by beam-runners-flink-1.19; other Flink versions cannot run them. */
  static final String SUPPORTED_VERSION = "1.19";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  ClusterOverview {
    requireNonNull(flinkVersion, "flinkVersion is null");
  }

  /** Reads the overview, or fails with a message naming the address and what to check. */
  static ClusterOverview read(HttpClient http, URI restAddress) {
    URI uri = restAddress.resolve("/overview");
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot reach the Flink cluster at " + restAddress + " (" + e
          + "); is it running? `bin/msq-beam flink-cluster status` shows a local one", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reaching the Flink cluster at " + restAddress, e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("The Flink cluster at " + restAddress + " answered HTTP " + response.statusCode()
          + " to GET /overview; is that address Flink's REST endpoint?");
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("The Flink cluster at " + restAddress + " answered GET /overview with malformed JSON", e);
    }
    return new ClusterOverview(body.path("flink-version").asText(""), body.path("taskmanagers").asInt(),
        body.path("slots-total").asInt());
  }

  /** Fails unless this cluster can run a job now: the right Flink version and at least one slot. */
  ClusterOverview checkUsable(URI restAddress) {
    if (!flinkVersion.equals(SUPPORTED_VERSION) && !flinkVersion.startsWith(SUPPORTED_VERSION + ".")) {
      throw new IllegalStateException("The Flink cluster at " + restAddress + " runs Flink " + flinkVersion
          + "; msq-beam's jobs need Flink " + SUPPORTED_VERSION + ".x");
    }
    if (slotsTotal < 1) {
      throw new IllegalStateException("The Flink cluster at " + restAddress + " has no TaskManager slots ("
          + taskManagers + " TaskManagers registered)");
    }
    return this;
  }
}
