package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task slots over real HTTP: a task beyond the server's slots waits, shown as Druid shows a waiting
 * task (statusCode RUNNING, runnerStatusCode PENDING, no location, duration -1: fixture
 * {@code msq-a-insert-day.status.pending.json}), and runs when a slot frees; tasks on different
 * datasources run at the same time up to the slots. Tasks are held deterministically by an http
 * input that sends its first row, then holds the rest of its body until the test releases it.
 */
class TaskSlotsIT {
  private static final String ROW = "{\"timestamp\":\"2016-06-27T00:00:11.080Z\",\"channel\":\"#sv.wikipedia\",\"added\":31}\n";

  @TempDir
  Path dataDir;
  private HttpServer input;
  private final CountDownLatch release = new CountDownLatch(1);
  private ServerComponents server;
  private TaskApi api;

  @BeforeEach
  void startHeldInput() throws Exception {
    input = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    input.setExecutor(Executors.newCachedThreadPool());
    input.createContext("/held.json", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(ROW.getBytes(StandardCharsets.UTF_8));
        out.flush();
        release.await(2, TimeUnit.MINUTES);
        out.write(ROW.getBytes(StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    input.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.close();
    }
    input.stop(0);
  }

  private void startServer(int slots) {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir).withTaskSlots(slots));
    server.start();
    api = new TaskApi(server);
  }

  /** An INSERT into {@code dataSource} of the held input's two rows: it runs until the test releases the input. */
  private String heldInsert(String dataSource) {
    String uri = "http://127.0.0.1:" + input.getAddress().getPort() + "/held.json";
    return "INSERT INTO " + dataSource + " SELECT TIME_PARSE(\"timestamp\") AS __time, channel, added FROM TABLE(EXTERN("
        + "'{\"type\":\"http\",\"uris\":[\"" + uri + "\"]}','{\"type\":\"json\"}',"
        + "'[{\"name\":\"timestamp\",\"type\":\"string\"},{\"name\":\"channel\",\"type\":\"string\"},"
        + "{\"name\":\"added\",\"type\":\"long\"}]')) PARTITIONED BY DAY";
  }

  private void submit(String sql, String id) throws Exception {
    assertThat(api.post("/druid/v2/sql/task", TaskApi.body(sql, id, Map.of())).statusCode()).isEqualTo(202);
  }

  private JsonNode status(String taskId) throws Exception {
    return TaskApi.JSON.readTree(api.get("/druid/indexer/v1/task/" + taskId + "/status").body()).path("status");
  }

  @Test
  void aTaskBeyondTheSlotsWaitsPendingThenRuns() throws Exception {
    startServer(1);
    submit(heldInsert("held"), "first");
    api.awaitRunning("query-first");
    submit("INSERT INTO other " + SampleData.SAMPLED_SELECT + " PARTITIONED BY DAY", "second");

    // However long it waits, the second task stays queued while the first holds the only slot.
    Thread.sleep(1_000);
    JsonNode waiting = status("query-second");
    assertThat(waiting.path("statusCode").asText()).isEqualTo("RUNNING");
    assertThat(waiting.path("status").asText()).isEqualTo("RUNNING");
    assertThat(waiting.path("runnerStatusCode").asText()).isEqualTo("PENDING");
    assertThat(waiting.path("duration").asLong()).isEqualTo(-1);
    assertThat(waiting.path("location")).isEqualTo(TaskApi.JSON.readTree("{\"host\":null,\"port\":-1,\"tlsPort\":-1}"));
    assertThat(waiting.path("dataSource").asText()).isEqualTo("other");
    assertThat(status("query-first").path("runnerStatusCode").asText()).isEqualTo("RUNNING");

    release.countDown();
    assertThat(api.awaitTerminal("query-first").path("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(api.awaitTerminal("query-second").path("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(api.sqlArray("SELECT COUNT(*) FROM held")).isEqualTo(TaskApi.JSON.readTree("[[2]]"));
    assertThat(api.sqlArray("SELECT COUNT(*) FROM other")).isEqualTo(TaskApi.JSON.readTree("[[20]]"));
  }

  @Test
  void tasksOnDifferentDatasourcesRunTogetherUpToTheSlots() throws Exception {
    startServer(2);
    submit(heldInsert("alpha"), "alpha");
    submit(heldInsert("beta"), "beta");

    // Both are running at one moment: neither can finish before the release.
    api.awaitRunning("query-alpha");
    api.awaitRunning("query-beta");
    assertThat(status("query-alpha").path("runnerStatusCode").asText()).isEqualTo("RUNNING");
    assertThat(status("query-beta").path("statusCode").asText()).isEqualTo("RUNNING");

    release.countDown();
    assertThat(api.awaitTerminal("query-alpha").path("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(api.awaitTerminal("query-beta").path("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(api.sqlArray("SELECT COUNT(*) FROM alpha")).isEqualTo(TaskApi.JSON.readTree("[[2]]"));
    assertThat(api.sqlArray("SELECT COUNT(*) FROM beta")).isEqualTo(TaskApi.JSON.readTree("[[2]]"));
  }

  @Test
  void aSecondWriterOfTheSameDatasourceWaitsForTheFirstsLockWithASlotFree() throws Exception {
    startServer(2);
    submit(heldInsert("shared"), "writer1");
    api.awaitRunning("query-writer1");
    submit("INSERT INTO shared " + SampleData.SAMPLED_SELECT + " PARTITIONED BY DAY", "writer2");

    // A slot is free, but the datasource's lock is not: the second writer, which alone takes well under a
    // second, has not finished while the first holds the lock (here it waits queued, shown PENDING).
    Thread.sleep(1_000);
    assertThat(status("query-writer2").path("statusCode").asText()).isEqualTo("RUNNING");
    assertThat(api.sqlArray("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'shared'"))
        .isEqualTo(TaskApi.JSON.readTree("[[0]]"));

    release.countDown();
    assertThat(api.awaitTerminal("query-writer1").path("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(api.awaitTerminal("query-writer2").path("statusCode").asText()).isEqualTo("SUCCESS");
    // Both appends are visible: the held input's 2 rows and the sample's 20, in one day chunk.
    assertThat(api.sqlArray("SELECT COUNT(*) FROM shared")).isEqualTo(TaskApi.JSON.readTree("[[22]]"));
  }
}
