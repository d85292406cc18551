package io.msqbeam.runners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.fault.ParseWarning;
import io.msqbeam.pipelines.stage.InProcessLimits;
import io.msqbeam.pipelines.stage.InProcessRefusalException;
import io.msqbeam.pipelines.stage.JobOutputs;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.planner.StatementPlanner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the in-process runner does besides returning rows: counters, cancel, faults, refusals, fallback. */
class InProcessRunnerTest {
  private static final Duration DEADLINE = Duration.ofMinutes(2);
  private static final String COLUMNS = "'[{\"name\":\"dim\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"long\"}]'";

  @TempDir
  Path dir;

  @Test
  void reportsInputAndOutputCountersOfEachStage() throws Exception {
    try (InProcessRunner runner = new InProcessRunner(1, InProcessLimits.DEFAULT)) {
      RunningJob job = runner.submit(plan("SELECT dim, COUNT(*) FROM " + inline("a", "b", "a") + " GROUP BY dim"),
          settings());

      assertThat(job.await(DEADLINE)).isEqualTo(JobState.SUCCEEDED);
      assertThat(job.counters().value(0, "input0", "rows")).isEqualTo(3);
      assertThat(job.counters().value(0, "input0", "files")).isEqualTo(1);
      assertThat(job.counters().value(0, "output", "rows")).isEqualTo(2);
      assertThat(job.counters().value(1, "output", "rows")).isEqualTo(2);
    }
  }

  @Test
  void cancelStopsARunningQueryWhichThenWritesNoResults() throws Exception {
    Path large = dir.resolve("large.json");
    try (BufferedWriter out = Files.newBufferedWriter(large)) {
      for (int i = 0; i < 2_000_000; i++) {
        out.write("{\"dim\":\"d" + (i % 100) + "\",\"n\":" + i + "}\n");
      }
    }
    try (InProcessRunner runner = new InProcessRunner(1, InProcessLimits.DEFAULT)) {
      RunningJob job = runner.submit(plan("SELECT dim, COUNT(*) FROM TABLE(EXTERN('{\"type\":\"local\",\"files\":[\""
          + large + "\"]}','{\"type\":\"json\"}'," + COLUMNS + ")) GROUP BY dim"), settings());
      awaitRowsRead(job);

      job.cancel();

      assertThat(job.await(DEADLINE)).isEqualTo(JobState.CANCELLED);
      assertThat(job.failure()).isNull();
      assertThat(JobOutputs.resultsFile(dir.resolve("out"))).doesNotExist();
    }
  }

  @Test
  void aFaultInTheInputFailsTheJobWithTheFaultAmongItsCauses() throws Exception {
    try (InProcessRunner runner = new InProcessRunner(1, InProcessLimits.DEFAULT)) {
      RunningJob job = runner.submit(plan("SELECT dim FROM TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"{not json\"}',"
          + "'{\"type\":\"json\"}'," + COLUMNS + "))"), settings());

      assertThat(job.await(DEADLINE)).isEqualTo(JobState.FAILED);
      assertThat(FaultException.find(job.failure())).isNotNull()
          .extracting(f -> f.errorCode()).isEqualTo("CannotParseExternalData");
    }
  }

  @Test
  void toleratedParseErrorsAreCountedAndTheFirstFiveRecordedWithRowAndSource() throws Exception {
    Path file = dir.resolve("bad.json");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      lines.append("{\"dim\":\"d").append(i).append("\",\"n\":").append(i).append("}\n{not json\n");
    }
    Files.writeString(file, lines);
    QueryPlan plan = new StatementPlanner(Catalog.empty()).plan("SELECT COUNT(*) FROM TABLE(EXTERN('{\"type\":"
        + "\"local\",\"files\":[\"" + file + "\"]}','{\"type\":\"json\"}'," + COLUMNS + "))",
        Map.of("maxParseExceptions", -1), List.of(), "query-t", "2024-02-01T00:00:00.000Z").plan();
    try (InProcessRunner runner = new InProcessRunner(1, InProcessLimits.DEFAULT)) {
      RunningJob job = runner.submit(plan, settings());

      assertThat(job.await(DEADLINE)).as(() -> String.valueOf(job.failure())).isEqualTo(JobState.SUCCEEDED);
      assertThat(job.counters().value(0, "warnings", "CannotParseExternalData")).isEqualTo(8);
      assertThat(job.counters().value(0, "input0", "rows")).isEqualTo(8);
      // Lines 2, 4, … are bad; only the first five are kept, as Druid keeps five verbose parse exceptions, each
      // with Druid's reader message: the line, the file's URI, the record (good rows before, plus one) and line.
      String uri = file.toUri().toString().replace("file:///", "file:/");
      assertThat(JobOutputs.parseWarnings(dir.resolve("out"))).extracting(ParseWarning::errorMessage).containsExactly(
          "Unable to parse row [{not json] (Path: " + uri + ", Record: 2, Line: 2)",
          "Unable to parse row [{not json] (Path: " + uri + ", Record: 3, Line: 4)",
          "Unable to parse row [{not json] (Path: " + uri + ", Record: 4, Line: 6)",
          "Unable to parse row [{not json] (Path: " + uri + ", Record: 5, Line: 8)",
          "Unable to parse row [{not json] (Path: " + uri + ", Record: 6, Line: 10)");
    }
  }

  @Test
  void refusesIngestionWhenSubmitted() {
    try (InProcessRunner runner = new InProcessRunner(1, InProcessLimits.DEFAULT)) {
      QueryPlan insert = plan("INSERT INTO t SELECT TIME_PARSE('2024-01-01') AS __time, dim FROM " + inline("a")
          + " PARTITIONED BY DAY");

      assertThatThrownBy(() -> runner.submit(insert, settings()))
          .isInstanceOf(InProcessRefusalException.class).hasMessageContaining("ingestion");
    }
  }

  @Test
  void aGroupByWithMoreGroupsThanTheLimitFailsWithARefusalAndNoResults() throws Exception {
    try (InProcessRunner runner = new InProcessRunner(1, new InProcessLimits(2, 100))) {
      RunningJob job = runner.submit(plan("SELECT dim, COUNT(*) FROM " + inline("a", "b", "c") + " GROUP BY dim"),
          settings());

      assertThat(job.await(DEADLINE)).isEqualTo(JobState.FAILED);
      assertThat(job.failure()).isInstanceOf(InProcessRefusalException.class).hasMessageContaining("2 groups");
      assertThat(JobOutputs.resultsFile(dir.resolve("out"))).doesNotExist();
    }
  }

  @Test
  void theFallbackRunnerRunsAPlanRefusedWhileRunningOnTheOtherRunner() throws Exception {
    try (InProcessRunner inProcess = new InProcessRunner(1, new InProcessLimits(2, 100))) {
      Runner runner = new InProcessFallbackRunner(inProcess, new DirectJobRunner(false));
      RunningJob job = runner.submit(plan("SELECT dim, COUNT(*) AS c FROM " + inline("a", "b", "c", "a")
          + " GROUP BY dim ORDER BY dim"), settings());

      assertThat(job.await(DEADLINE)).isEqualTo(JobState.SUCCEEDED);
      List<List<Object>> rows = new ArrayList<>();
      JobOutputs.readResults(dir.resolve("out"), rows::add);
      assertThat(rows).containsExactly(List.of("a", 2), List.of("b", 1), List.of("c", 1));
    }
  }

  private static void awaitRowsRead(RunningJob job) throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (job.counters().value(0, "input0", "rows") == 0) {
      assertThat(job.state()).as("job ended before reading rows").isEqualTo(JobState.RUNNING);
      assertThat(Instant.now()).isBefore(deadline);
      job.await(Duration.ofMillis(5));
    }
  }

  private static String inline(String... dims) {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < dims.length; i++) {
      data.append(i == 0 ? "" : "\\n").append("{\\\"dim\\\":\\\"").append(dims[i]).append("\\\",\\\"n\\\":")
          .append(i).append('}');
    }
    return "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + data + "\"}','{\"type\":\"json\"}'," + COLUMNS + "))";
  }

  private static QueryPlan plan(String sql) {
    return new StatementPlanner(Catalog.empty()).plan(sql, Map.of(), "query-t", "2024-02-01T00:00:00.000Z").plan();
  }

  private PipelineSettings settings() {
    return new PipelineSettings(dir.resolve("out").toString(), dir.resolve("work").toString(),
        dir.resolve("deep").toString());
  }
}
