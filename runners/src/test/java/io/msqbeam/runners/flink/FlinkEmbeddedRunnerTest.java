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
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    // Enough rows that reading outlasts a few of the metric fetcher's 200 ms refreshes on a warm JVM
    // (200,000 rows were sometimes all read between two refreshes).
    int rowCount = 1_000_000;
    Path input = flinkDir.resolve("live.json");
    try (BufferedWriter out = Files.newBufferedWriter(input)) {
      for (int i = 0; i < rowCount; i++) {
        out.write("{\"ts\":\"2024-01-0" + (1 + i % 3) + "T00:00:00Z\",\"dim\":\"d" + (i % 1000) + "\",\"n\":" + i + "}\n");
      }
    }
    QueryPlan plan = new StatementPlanner(Catalog.empty())
        .plan("INSERT INTO t SELECT TIME_PARSE(ts) AS __time, dim, n FROM TABLE(EXTERN('{\"type\":\"local\",\"files\":[\""
            + input + "\"]}','{\"type\":\"json\"}','[{\"name\":\"ts\",\"type\":\"string\"},"
            + "{\"name\":\"dim\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"long\"}]')) PARTITIONED BY DAY",
            Map.of(), "query-flink-live", "2024-02-01T00:00:00.000Z").plan();
    RunningJob job = runner.submit(plan, new PipelineSettings(flinkDir.resolve("out").toString(),
        flinkDir.resolve("work").toString(), flinkDir.resolve("deep").toString()));

    List<Long> runningRows = new ArrayList<>();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (job.state() == JobState.RUNNING) {
      assertThat(Instant.now()).as("job still running").isBefore(deadline);
      runningRows.add(job.counters().value(0, "input0", "rows"));
      job.await(Duration.ofMillis(50));
    }

    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(runningRows).as("input0.rows while running").isSorted()
        .anySatisfy(rows -> assertThat(rows).isStrictlyBetween(0L, (long) rowCount));
    assertThat(job.counters().value(0, "input0", "rows")).isEqualTo(rowCount);
    assertThat(job.counters().value(1, "segmentGenerationProgress", "rowsPushed")).isEqualTo(rowCount);
  }
}
