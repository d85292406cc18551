package io.msqbeam.runners;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.pipelines.segment.WrittenSegment;
import io.msqbeam.pipelines.stage.InProcessLimits;
import io.msqbeam.pipelines.stage.JobOutputs;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.catalog.TableDescriptor;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.TableInputSpec.SegmentFile;
import io.msqbeam.translator.planner.StatementPlanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-process executor returns the rows the DirectRunner returns for the same plan, over inline
 * JSON and over segments written by an INSERT on the DirectRunner. Rows are compared in order when
 * the query orders them, as multisets otherwise; a LIMIT without ORDER BY may keep any rows, so there
 * the in-process rows must be as many and all among the query's rows without the LIMIT.
 */
class InProcessVsDirectTest {
  private static final Duration DEADLINE = Duration.ofMinutes(2);
  private static final String ROWS = String.join("\\n",
      "{\"ts\":\"2024-01-01T00:10:00Z\",\"dim\":\"a\",\"n\":1,\"x\":0.5}",
      "{\"ts\":\"2024-01-01T00:20:00Z\",\"dim\":\"b\",\"n\":2,\"x\":1.25}",
      "{\"ts\":\"2024-01-01T00:30:00Z\",\"dim\":\"a\",\"n\":3,\"x\":null}",
      "{\"ts\":\"2024-01-01T01:10:00Z\",\"dim\":\"c\",\"n\":4,\"x\":2.0}",
      "{\"ts\":\"2024-01-01T01:20:00Z\",\"dim\":null,\"n\":5,\"x\":-1.5}",
      "{\"ts\":\"2024-01-02T03:00:00Z\",\"dim\":\"b\",\"n\":6,\"x\":3.75}",
      "{\"ts\":\"2024-01-02T04:00:00Z\",\"dim\":\"d\",\"n\":7,\"x\":0.25}",
      "{\"ts\":\"2024-01-02T05:00:00Z\",\"dim\":\"a\",\"n\":8,\"x\":1.0}",
      "{\"ts\":\"2024-01-02T06:00:00Z\",\"dim\":\"c\",\"n\":null,\"x\":4.5}",
      "{\"ts\":\"2024-01-03T00:00:00Z\",\"dim\":\"e\",\"n\":10,\"x\":null}");
  private static final String INLINE = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + ROWS.replace("\"", "\\\"")
      + "\"}','{\"type\":\"json\"}','[{\"name\":\"ts\",\"type\":\"string\"},{\"name\":\"dim\",\"type\":\"string\"},"
      + "{\"name\":\"n\",\"type\":\"long\"},{\"name\":\"x\",\"type\":\"double\"}]'))";
  private static final DirectJobRunner DIRECT = new DirectJobRunner(true);
  private static final InProcessRunner IN_PROCESS = new InProcessRunner(2, InProcessLimits.DEFAULT);

  @TempDir
  static Path sharedDir;

  private static Catalog catalog;

  @TempDir
  Path dir;

  /** Writes table {@code t} (three daily segments, two of them split in two) on the DirectRunner. */
  @BeforeAll
  static void insertTable() throws InterruptedException {
    QueryPlan insert = plan(Catalog.empty(), "INSERT INTO t SELECT TIME_PARSE(ts) AS __time, dim, n, x FROM " + INLINE
        + " PARTITIONED BY DAY", Map.of("rowsPerSegment", 3));
    Path out = sharedDir.resolve("insert");
    RunningJob job = DIRECT.submit(insert, settings(out));
    assertThat(job.await(DEADLINE)).as("insert failed: %s", job.failure()).isEqualTo(JobState.SUCCEEDED);
    List<SegmentFile> files = JobOutputs.writtenSegments(out.resolve("out")).stream()
        .map(s -> new SegmentFile(s.segmentId(), s.path())).toList();
    assertThat(files).hasSizeGreaterThan(3);
    TableDescriptor table = new TableDescriptor("t", List.of(new ColumnSignature("__time", ColumnType.LONG),
        new ColumnSignature("dim", ColumnType.STRING), new ColumnSignature("n", ColumnType.LONG),
        new ColumnSignature("x", ColumnType.DOUBLE)), files);
    catalog = new Catalog() {
      @Override
      public Optional<TableDescriptor> table(String dataSource) {
        return dataSource.equals("t") ? Optional.of(table) : Optional.empty();
      }

      @Override
      public List<String> dataSourceNames() {
        return List.of("t");
      }
    };
  }

  @AfterAll
  static void closeRunner() {
    IN_PROCESS.close();
  }

  /** Queries over {@code $src}; {@code ordered} when the query fixes the order of its rows. */
  static Stream<Arguments> queries() {
    List<Arguments> cases = new ArrayList<>();
    for (String source : List.of("inline", "table")) {
      cases.add(Arguments.of(source, "SELECT COUNT(*) AS c FROM $src", true));
      cases.add(Arguments.of(source, "SELECT COUNT(*), SUM(n), MIN(n), MAX(n), SUM(x), MIN(x), MAX(x) FROM $src",
          true));
      cases.add(Arguments.of(source, "SELECT dim, COUNT(*) AS c, SUM(n) AS s FROM $src GROUP BY dim", false));
      cases.add(Arguments.of(source,
          "SELECT dim, COUNT(*) AS c, SUM(n) AS s FROM $src GROUP BY dim ORDER BY c DESC, dim LIMIT 3", true));
      cases.add(Arguments.of(source,
          "SELECT dim, SUM(x) AS sx, MAX(n) AS mx FROM $src GROUP BY dim ORDER BY dim DESC", true));
      cases.add(Arguments.of(source,
          "SELECT dim, SUM(n) AS s FROM $src WHERE n > 2 AND dim <> 'b' GROUP BY dim ORDER BY dim", true));
      cases.add(Arguments.of(source,
          "SELECT dim, MAX(n) AS m FROM $src GROUP BY dim HAVING MAX(n) > 5", false));
      cases.add(Arguments.of(source,
          "SELECT dim, COUNT(*) AS c FROM $src GROUP BY dim HAVING COUNT(*) > 1 ORDER BY dim", true));
      cases.add(Arguments.of(source, "SELECT dim, AVG(x) AS ax, COUNT(n) AS cn FROM $src GROUP BY dim ORDER BY dim",
          true));
      cases.add(Arguments.of(source, "SELECT dim, n, x FROM $src WHERE n >= 2 OR x < 0", false));
      cases.add(Arguments.of(source, "SELECT dim, n FROM $src WHERE dim IN ('a', 'c') LIMIT 100", false));
      cases.add(Arguments.of(source, "SELECT n, dim FROM $src ORDER BY n DESC", true));
      cases.add(Arguments.of(source, "SELECT n, n * 2 AS twice FROM $src ORDER BY n LIMIT 3 OFFSET 2", true));
      cases.add(Arguments.of(source, "SELECT dim, n FROM $src WHERE dim = 'nothing'", false));
      cases.add(Arguments.of(source, "SELECT dim, n FROM $src WHERE dim = 'nothing' ORDER BY n LIMIT 5", true));
      cases.add(Arguments.of(source, "SELECT dim, COUNT(*) FROM $src WHERE n > 1000 GROUP BY dim", false));
      cases.add(Arguments.of(source, "SELECT COUNT(*) FROM $src WHERE n > 1000", true));
    }
    cases.add(Arguments.of("table", "SELECT __time, dim FROM $src WHERE __time >= TIMESTAMP '2024-01-02 00:00:00'"
        + " ORDER BY __time DESC", true));
    return cases.stream();
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("queries")
  void returnsTheRowsOfTheDirectRunner(String source, String sql, boolean ordered) throws Exception {
    QueryPlan plan = plan(catalog, sql.replace("$src", source.equals("inline") ? INLINE : "t"), Map.of());

    List<List<Object>> direct = run(DIRECT, plan, dir.resolve("direct"));
    List<List<Object>> inProcess = run(IN_PROCESS, plan, dir.resolve("inProcess"));

    if (ordered) {
      assertThat(inProcess).containsExactlyElementsOf(direct);
    } else {
      assertThat(inProcess).containsExactlyInAnyOrderElementsOf(direct);
    }
  }

  @Test
  void keepsAsManyRowsAsTheLimitAllowsFromTheUnlimitedRowsWhenALimitHasNoOrder() throws Exception {
    List<List<Object>> all = run(DIRECT, plan(catalog, "SELECT dim, n FROM t WHERE n > 1", Map.of()),
        dir.resolve("all"));

    List<List<Object>> limited = run(IN_PROCESS, plan(catalog, "SELECT dim, n FROM t WHERE n > 1 LIMIT 4", Map.of()),
        dir.resolve("limited"));

    assertThat(limited).hasSize(4);
    assertThat(all).containsAll(limited);
  }

  @Test
  void reportsTheCountersOfTheDirectRunner() throws Exception {
    for (String source : List.of(INLINE, "t")) {
      QueryPlan plan = plan(catalog, "SELECT dim, MAX(n) AS m FROM " + source
          + " WHERE n > 1 GROUP BY dim HAVING MAX(n) > 4 ORDER BY dim DESC LIMIT 2", Map.of());
      RunningJob direct = DIRECT.submit(plan, settings(dir.resolve("direct" + source.length())));
      RunningJob inProcess = IN_PROCESS.submit(plan, settings(dir.resolve("inProcess" + source.length())));
      assertThat(direct.await(DEADLINE)).isEqualTo(JobState.SUCCEEDED);
      assertThat(inProcess.await(DEADLINE)).isEqualTo(JobState.SUCCEEDED);

      assertThat(inProcess.counters()).isEqualTo(direct.counters());
    }
  }

  private static List<List<Object>> run(Runner runner, QueryPlan plan, Path root) throws InterruptedException {
    RunningJob job = runner.submit(plan, settings(root));
    assertThat(job.await(DEADLINE)).as("%s failed: %s", runner.name(), stackTrace(job.failure()))
        .isEqualTo(JobState.SUCCEEDED);
    List<List<Object>> rows = new ArrayList<>();
    JobOutputs.readResults(root.resolve("out"), rows::add);
    return rows;
  }

  private static String stackTrace(Throwable failure) {
    if (failure == null) {
      return "no failure";
    }
    java.io.StringWriter out = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  private static QueryPlan plan(Catalog catalog, String sql, Map<String, Object> context) {
    return new StatementPlanner(catalog).plan(sql, context, "query-t", "2024-02-01T00:00:00.000Z").plan();
  }

  private static PipelineSettings settings(Path root) {
    return new PipelineSettings(root.resolve("out").toString(), root.resolve("work").toString(),
        sharedDir.resolve("deep").toString());
  }
}
