package io.msqbeam.runners.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.runners.JobState;
import io.msqbeam.runners.Runner;
import io.msqbeam.runners.RunnerConformanceTest;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.planner.StatementPlanner;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner conformance suite on one embedded Flink cluster (DataSet translation), started for the class. */
class FlinkEmbeddedRunnerTest extends RunnerConformanceTest {
  private static FlinkEmbeddedRunner runner;

  @TempDir
  Path flinkDir;

  @BeforeAll
  static void startCluster() {
    runner = new FlinkEmbeddedRunner(FlinkClusterSettings.DEFAULTS);
  }

  @AfterAll
  static void stopCluster() {
    runner.close();
  }

  @Override
  protected Runner runner() {
    return runner;
  }

  @Test
  void jobsRunOnTheLongRunningClusterWhereFlinkKnowsThemById() throws Exception {
    URI before = runner.restAddress();
    QueryPlan plan = new StatementPlanner(Catalog.empty())
        .plan("SELECT COUNT(*) AS c FROM TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"{\\\"a\\\":1}\"}',"
            + "'{\"type\":\"json\"}','[{\"name\":\"a\",\"type\":\"long\"}]'))",
            Map.of(), "query-flink-id", "2024-02-01T00:00:00.000Z").plan();
    FlinkJob job = (FlinkJob) runner.submit(plan, new PipelineSettings(flinkDir.resolve("out").toString(),
        flinkDir.resolve("work").toString(), flinkDir.resolve("deep").toString()));

    assertThat(job.await(Duration.ofMinutes(2))).isEqualTo(JobState.SUCCEEDED);
    HttpResponse<String> flinkView = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(before.resolve("/jobs/" + job.jobId())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(flinkView.statusCode()).isEqualTo(200);
    assertThat(flinkView.body()).contains("\"state\":\"FINISHED\"").contains("\"name\":\"query-flink-id\"");
    assertThat(runner.restAddress()).isEqualTo(before);
  }

  @Test
  void runningJobReportsInputRowsAsTheyAreReadThenTheExactTotal() throws Exception {
    // An http input that sends its first rows, then holds the rest of its body until the test has seen
    // them counted live: the job is certainly still reading when the live count must show.
    int firstRows = 50_000;
    int rowCount = 80_000;
    CountDownLatch release = new CountDownLatch(1);
    HttpServer input = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    input.setExecutor(Executors.newCachedThreadPool());
    input.createContext("/live.json", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < rowCount; i++) {
          if (i == firstRows) {
            out.flush();
            release.await(2, TimeUnit.MINUTES);
          }
          out.write(("{\"ts\":\"2024-01-0" + (1 + i % 3) + "T00:00:00Z\",\"dim\":\"d" + (i % 1000) + "\",\"n\":" + i
              + "}\n").getBytes(StandardCharsets.UTF_8));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    input.start();
    try {
      String uri = "http://127.0.0.1:" + input.getAddress().getPort() + "/live.json";
      QueryPlan plan = new StatementPlanner(Catalog.empty())
          .plan("INSERT INTO t SELECT TIME_PARSE(ts) AS __time, dim, n FROM TABLE(EXTERN('{\"type\":\"http\",\"uris\":[\""
              + uri + "\"]}','{\"type\":\"json\"}','[{\"name\":\"ts\",\"type\":\"string\"},"
              + "{\"name\":\"dim\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"long\"}]')) PARTITIONED BY DAY",
              Map.of(), "query-flink-live", "2024-02-01T00:00:00.000Z").plan();
      RunningJob job = runner.submit(plan, new PipelineSettings(flinkDir.resolve("out").toString(),
          flinkDir.resolve("work").toString(), flinkDir.resolve("deep").toString()));

      List<Long> runningRows = new ArrayList<>();
      Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
      long rows = 0;
      while (rows == 0 && job.state() == JobState.RUNNING && Instant.now().isBefore(deadline)) {
        rows = job.counters().value(0, "input0", "rows");
        runningRows.add(rows);
        job.await(Duration.ofMillis(50));
      }
      assertThat(job.state()).as("held by its input").isEqualTo(JobState.RUNNING);
      // Flink counts records as an operator emits them; its metric fetcher may lag the reader by a refresh.
      assertThat(rows).as("input0.rows while the input holds").isStrictlyBetween(0L, (long) rowCount);
      assertThat(runningRows).isSorted();

      release.countDown();
      assertThat(job.await(Duration.ofMinutes(3))).isEqualTo(JobState.SUCCEEDED);
      assertThat(job.counters().value(0, "input0", "rows")).isEqualTo(rowCount);
      assertThat(job.counters().value(1, "segmentGenerationProgress", "rowsPushed")).isEqualTo(rowCount);
    } finally {
      release.countDown();
      input.stop(0);
    }
  }
}
