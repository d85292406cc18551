package io.msqbeam.server.task;

import static io.msqbeam.server.task.SampleData.WIKITICKER_BASE_DIR;
import static io.msqbeam.server.task.SampleData.WIKITICKER_EXTERN;
import static io.msqbeam.server.task.SampleData.wikitickerInsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.runners.flink.StandaloneFlinkCluster;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.cli.FlinkClusterCommand;
import io.msqbeam.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server against a real standalone Flink 1.19 session cluster, started as {@code msq-beam
 * flink-cluster start} starts it (a JobManager and a TaskManager JVM with only Flink on their class
 * path), each job shipping the job jar this module builds. Ingestion equals the DirectRunner's row for
 * row; a fault raised in the job comes back as itself; shutdown cancels the Flink job; a killed TaskManager and an unreachable cluster fail the task
 * with a clear message and publish nothing. The processes are stopped by PID after the tests, also
 * when they fail. Lives in the package of {@link TaskApi} and {@link SampleData}, the api-server test
 * clients it shares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteFlinkClusterIT {
  private static final Path FLINK_CLASSPATH = Path.of("../flink-cluster/target/classpath.txt").toAbsolutePath().normalize();
  private static final Duration DEADLINE = Duration.ofMinutes(2);

  private Path dataDir;
  private Path clusterDir;
  private String restAddress;
  private ServerComponents server;
  private TaskApi api;
  private Thread stopOnExit;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void startClusterAndServer(@TempDir Path tempDir) throws Exception {
    dataDir = tempDir;
    clusterDir = dataDir.resolve("flink-cluster");
    // Even a JVM that ends without running @AfterAll (e.g. Ctrl-C) leaves no Flink processes behind.
    stopOnExit = new Thread(() -> StandaloneFlinkCluster.stop(clusterDir), "stop-flink-cluster");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = FlinkClusterCommand.run(FlinkClusterCommand.parse("start", "--data-dir", dataDir.toString(),
        "--rest-port", "0", "--classpath-file", FLINK_CLASSPATH.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
    restAddress = StandaloneFlinkCluster.status(clusterDir).restAddress().orElseThrow();

    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir)
        .withFlinkMaster(restAddress).withFlinkJobJar(jobJar()));
    server.start();
    api = new TaskApi(server);
  }

  @AfterAll
  void stopServerAndCluster() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      StandaloneFlinkCluster.stop(clusterDir);
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }
    assertThat(StandaloneFlinkCluster.status(clusterDir).processes()).isEmpty();
  }

  @Test
  @Order(1)
  void ingestsWikitickerOnTheClusterWithTheSameRowsAsTheDirectRunner() throws Exception {
    String flinkInsert = wikitickerInsert("wiki_remote", "TIME_PARSE(\"time\")");
    String directInsert = wikitickerInsert("wiki_direct", "TIME_PARSE(\"time\")");
    api.post("/druid/v2/sql/task", TaskApi.body(flinkInsert, "remote-1", Map.of("runner", "flink", "maxNumTasks", 3)));
    api.post("/druid/v2/sql/task", TaskApi.body(directInsert, "direct-1", Map.of("runner", "direct", "maxNumTasks", 3)));
    JsonNode remote = api.awaitTerminal("query-remote-1");
    assertThat(remote.path("statusCode").asText()).as(remote.toString()).isEqualTo("SUCCESS");
    assertThat(api.awaitTerminal("query-direct-1").path("statusCode").asText()).isEqualTo("SUCCESS");

    JsonNode report = api.report("query-remote-1");
    assertThat(report.at("/taskContext/payload/runner").asText()).isEqualTo("flink");
    assertThat(TaskApi.counterTotal(report, 0, "input0", "rows")).isEqualTo(39244);
    // maxNumTasks 3: a controller and two workers, which on Flink is a parallelism of 2.
    assertThat(report.at("/multiStageQuery/payload/stages/0/workerCount").asInt()).isEqualTo(2);
    assertThat(flinkJob("query-remote-1").path("state").asText()).isEqualTo("FINISHED");

    assertThat(sortedRows("wiki_remote")).hasSize(39244).isEqualTo(sortedRows("wiki_direct"));
  }

  @Test
  @Order(2)
  void aFaultRaisedOnATaskManagerComesBackAsDruidsFault() throws Exception {
    // The fault crosses the job jar's class loader on the TaskManager and the server's on the way back.
    JsonNode status = api.run(wikitickerInsert("wiki_null_time", "TIME_PARSE(\"channel\")"), "remote-fault",
        Map.of("runner", "flink"));

    assertThat(status.path("errorMsg").asText())
        .isEqualTo("InsertTimeNull: Null timestamp (__time) encountered during INSERT or REPLACE.");
    assertThat(server.metadataStore().segments().usedSegments("wiki_null_time")).isEmpty();
  }

  @Test
  @Order(3)
  void shutdownCancelsTheFlinkJobWhileItRunsAndPublishesNothing() throws Exception {
    api.post("/druid/v2/sql/task", TaskApi.body(largerInsert("wiki_cancel"), "remote-cancel", Map.of("runner", "flink")));
    awaitFlinkJob("query-remote-cancel", job -> job.path("state").asText().equals("RUNNING"));
    // Live counters come through the cluster's REST API while the job runs.
    api.awaitStatus("query-remote-cancel", status -> liveRowsRead("query-remote-cancel") > 0);

    assertThat(api.post("/druid/indexer/v1/task/query-remote-cancel/shutdown", "").statusCode()).isEqualTo(200);
    JsonNode status = api.awaitTerminal("query-remote-cancel");
    assertThat(status.path("errorMsg").asText()).isEqualTo("Shutdown request from user");
    assertThat(api.report("query-remote-cancel").at("/multiStageQuery/payload/status/errorReport/error/errorCode").asText())
        .isEqualTo("Canceled");
    awaitFlinkJob("query-remote-cancel", job -> job.path("state").asText().equals("CANCELED"));
    assertThat(server.metadataStore().segments().usedSegments("wiki_cancel")).isEmpty();
  }

  @Test
  @Order(4)
  void aKilledTaskManagerFailsTheTaskWithAClearMessageAndPublishesNothing() throws Exception {
    api.post("/druid/v2/sql/task", TaskApi.body(largerInsert("wiki_lost"), "remote-lost", Map.of("runner", "flink")));
    awaitFlinkJob("query-remote-lost", job -> job.path("state").asText().equals("RUNNING"));
    api.awaitStatus("query-remote-lost", status -> liveRowsRead("query-remote-lost") > 0);

    assertThat(StandaloneFlinkCluster.kill(clusterDir, StandaloneFlinkCluster.Role.TASKMANAGER)).isTrue();
    JsonNode status = api.awaitTerminal("query-remote-lost");
    assertThat(status.path("statusCode").asText()).isEqualTo("FAILED");
    assertThat(status.path("errorMsg").asText()).startsWith("WorkerFailed: ").contains("TaskManager");
    assertThat(server.metadataStore().segments().usedSegments("wiki_lost")).isEmpty();
  }

  @Test
  @Order(5)
  void anUnreachableClusterFailsTheTaskAtSubmitAndTheServerKeepsServing() throws Exception {
    StandaloneFlinkCluster.stop(clusterDir);

    JsonNode failed = api.run(wikitickerInsert("wiki_unreachable", "TIME_PARSE(\"time\")"), "remote-down",
        Map.of("runner", "flink"));
    assertThat(failed.path("statusCode").asText()).isEqualTo("FAILED");
    assertThat(failed.path("errorMsg").asText())
        .startsWith("UnknownError: Cannot reach the Flink cluster at http://" + restAddress);

    assertThat(api.sqlArray("SELECT COUNT(*) FROM wiki_remote").toString()).isEqualTo("[[39244]]");
  }

  /** Every row of a datasource, each as its JSON array text, sorted: the same rows in any order compare equal. */
  private List<String> sortedRows(String dataSource) throws Exception {
    List<String> rows = new ArrayList<>();
    api.sqlArray("SELECT * FROM " + dataSource).forEach(row -> rows.add(row.toString()));
    rows.sort(null);
    return rows;
  }

  /**
   * Four copies of wikiticker (157k rows), so a job runs long enough to be canceled or lose its
   * TaskManager while it reads.
   */
  private String largerInsert(String dataSource) throws IOException {
    Path inputDir = dataDir.resolve("input");
    if (!Files.isDirectory(inputDir)) {
      Files.createDirectories(inputDir);
      for (int copy = 0; copy < 4; copy++) {
        Files.copy(WIKITICKER_BASE_DIR.resolve("wikiticker-2015-09-12-sampled.json.gz"),
            inputDir.resolve("wikiticker-" + copy + ".json.gz"));
      }
    }
    String extern = WIKITICKER_EXTERN.replace(WIKITICKER_BASE_DIR.toString(), inputDir.toString())
        .replace("wikiticker-2015-09-12-sampled.json.gz", "*.json.gz");
    return "INSERT INTO " + dataSource + " SELECT TIME_PARSE(\"time\") AS __time, * FROM " + extern
        + " PARTITIONED BY DAY";
  }

  private long liveRowsRead(String taskId) {
    try {
      return TaskApi.counterTotal(api.report(taskId), 0, "input0", "rows");
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the report of " + taskId, e);
    }
  }

  /** The Flink job named {@code name} as the cluster's REST API lists it, or a missing node. */
  private JsonNode flinkJob(String name) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + restAddress + "/jobs/overview"))
        .build(), HttpResponse.BodyHandlers.ofString());
    for (JsonNode job : TaskApi.JSON.readTree(response.body()).path("jobs")) {
      if (job.path("name").asText().equals(name)) {
        return job;
      }
    }
    return TaskApi.JSON.missingNode();
  }

  private JsonNode awaitFlinkJob(String name, Predicate<JsonNode> done) throws Exception {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      JsonNode job = flinkJob(name);
      if (done.test(job)) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Flink job " + name + " did not reach the expected state in " + DEADLINE + ": " + flinkJob(name));
  }

  private static Path jobJar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("flink-job-.*-job\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no job jar in flink-job/target; run the package phase first"))
          .toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
