package io.msqbeam.runners;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.segment.SegmentReader;
import io.msqbeam.pipelines.segment.WrittenSegment;
import io.msqbeam.pipelines.stage.JobOutputs;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.planner.StatementPlanner;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same planned statements on every runner, with the same expected rows, counters, fault and
 * cancel behaviour: a subclass per runner supplies the runner (started once per class).
 */
public abstract class RunnerConformanceTest {
  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final int LARGE_INPUT_ROWS = 500_000;
  private static final String ROWS = String.join("\\n",
      "{\"ts\":\"2024-01-01T00:10:00Z\",\"dim\":\"a\",\"n\":1}",
      "{\"ts\":\"2024-01-01T00:20:00Z\",\"dim\":\"b\",\"n\":2}",
      "{\"ts\":\"2024-01-01T00:30:00Z\",\"dim\":\"a\",\"n\":3}",
      "{\"ts\":\"2024-01-01T01:10:00Z\",\"dim\":\"c\",\"n\":4}",
      "{\"ts\":\"2024-01-01T01:20:00Z\",\"dim\":null,\"n\":5}");
  private static final String COLUMNS = "'[{\"name\":\"ts\",\"type\":\"string\"},{\"name\":\"dim\",\"type\":\"string\"},"
      + "{\"name\":\"n\",\"type\":\"long\"}]'";
  private static final String INLINE = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + ROWS.replace("\"", "\\\"")
      + "\"}','{\"type\":\"json\"}'," + COLUMNS + "))";

  @TempDir
  static Path sharedDir;

  @TempDir
  Path dir;

  /** The runner under test, shared by the tests of a class. */
  protected abstract Runner runner();

  @BeforeAll
  static void writeLargeInput() throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(largeInput())) {
      for (int i = 0; i < LARGE_INPUT_ROWS; i++) {
        out.write("{\"ts\":\"2024-01-0" + (1 + i % 3) + "T00:00:00Z\",\"dim\":\"d" + (i % 1000) + "\",\"n\":" + i + "}\n");
      }
    }
  }

  private static Path largeInput() {
    return sharedDir.resolve("large.json");
  }

  @Test
  void insertWritesOneSegmentPerHourHoldingExactlyTheInputRows() throws Exception {
    RunningJob job = submit("INSERT INTO t SELECT TIME_PARSE(ts) AS __time, dim, n FROM " + INLINE
        + " PARTITIONED BY HOUR", Map.of("rowsPerSegment", 2));

    assertThat(job.await(DEADLINE)).isEqualTo(JobState.SUCCEEDED);
    List<WrittenSegment> segments = JobOutputs.writtenSegments(dir.resolve("out"));
    assertThat(segments).extracting(WrittenSegment::interval).containsOnly(
        "2024-01-01T00:00:00.000Z/2024-01-01T01:00:00.000Z", "2024-01-01T01:00:00.000Z/2024-01-01T02:00:00.000Z");
    assertThat(segments.stream().filter(s -> s.interval().startsWith("2024-01-01T00")).map(WrittenSegment::partitionNum))
        .containsExactlyInAnyOrder(0, 1);
    assertThat(readSegments(segments)).containsExactlyInAnyOrder("1704067800000,a,1", "1704068400000,b,2",
        "1704069000000,a,3", "1704071400000,c,4", "1704072000000,null,5");
  }

  @Test
  void finishedInsertReportsItsInputAndSegmentCounters() throws Exception {
    RunningJob job = submit("INSERT INTO t SELECT TIME_PARSE(ts) AS __time, dim, n FROM " + INLINE
        + " PARTITIONED BY DAY", Map.of());

    assertThat(job.await(DEADLINE)).isEqualTo(JobState.SUCCEEDED);
    StageCounters counters = job.counters();
    assertThat(counters.value(0, "input0", "rows")).isEqualTo(5);
    assertThat(counters.value(1, "segmentGenerationProgress", "rowsPushed")).isEqualTo(5);
  }

  @Test
  void groupedSelectReturnsItsRowsInOrder() throws Exception {
    RunningJob job = submit("SELECT dim, SUM(n) AS s, COUNT(*) AS c FROM " + INLINE
        + " GROUP BY dim ORDER BY s DESC, c DESC", Map.of());

    assertThat(job.await(DEADLINE)).isEqualTo(JobState.SUCCEEDED);
    List<List<Object>> results = new ArrayList<>();
    JobOutputs.readResults(dir.resolve("out"), results::add);
    assertThat(results).containsExactly(
        java.util.Arrays.asList(null, 5, 1), List.of("a", 4, 2), List.of("c", 4, 1), List.of("b", 2, 1));
  }

  @Test
  void unparseableTimestampFailsTheJobWithInsertTimeNull() throws Exception {
    RunningJob job = submit("INSERT INTO t SELECT TIME_PARSE(dim) AS __time, n FROM " + INLINE
        + " PARTITIONED BY DAY", Map.of());

    assertThat(job.await(DEADLINE)).isEqualTo(JobState.FAILED);
    Fault fault = FaultException.find(job.failure());
    assertThat(fault).as("fault in %s", job.failure()).isNotNull();
    assertThat(fault.errorCode()).isEqualTo("InsertTimeNull");
    assertThat(JobOutputs.writtenSegments(dir.resolve("out"))).isEmpty();
  }

  @Test
  void cancelStopsARunningJobWhichThenPublishesNothing() throws Exception {
    RunningJob job = submit("INSERT INTO t SELECT TIME_PARSE(ts) AS __time, dim, n FROM TABLE(EXTERN("
        + "'{\"type\":\"local\",\"files\":[\"" + largeInput() + "\"]}','{\"type\":\"json\"}'," + COLUMNS + "))"
        + " PARTITIONED BY DAY", Map.of());
    awaitState(job, JobState.RUNNING);

    job.cancel();

    assertThat(job.await(DEADLINE)).isEqualTo(JobState.CANCELLED);
    assertThat(JobOutputs.writtenSegments(dir.resolve("out"))).isEmpty();
  }

  private RunningJob submit(String sql, Map<String, Object> context) {
    QueryPlan plan = new StatementPlanner(Catalog.empty())
        .plan(sql, context, "query-" + runner().name(), "2024-02-01T00:00:00.000Z").plan();
    return runner().submit(plan, new PipelineSettings(dir.resolve("out").toString(), dir.resolve("work").toString(),
        dir.resolve("deep").toString()));
  }

  private static void awaitState(RunningJob job, JobState expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (job.state() != expected) {
      assertThat(Instant.now()).as("waiting for %s, job is %s", expected, job.state()).isBefore(deadline);
      assertThat(job.state().isTerminal()).as("job ended %s before reaching %s", job.state(), expected).isFalse();
      job.await(Duration.ofMillis(20));
    }
  }

  private List<String> readSegments(List<WrittenSegment> segments) throws Exception {
    List<String> rows = new ArrayList<>();
    for (WrittenSegment segment : segments) {
      try (SegmentReader reader = SegmentReader.open(new File(segment.path()), dir.resolve("read").toFile())) {
        reader.scan(List.of("__time", "dim", "n"), row -> rows.add(row[0] + "," + row[1] + "," + row[2]));
      }
    }
    return rows;
  }
}
