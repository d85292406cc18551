package io.msqbeam.runners.bench;

import io.msqbeam.pipelines.stage.InProcessLimits;
import io.msqbeam.pipelines.stage.JobOutputs;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.runners.DirectJobRunner;
import io.msqbeam.runners.InProcessRunner;
import io.msqbeam.runners.JobState;
import io.msqbeam.runners.Runner;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.catalog.TableDescriptor;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.TableInputSpec.SegmentFile;
import io.msqbeam.translator.planner.StatementPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Latency of interactive SELECTs on the DirectRunner and in-process, in one warm JVM: ingests the
 * wikiticker sample once (DirectRunner, PARTITIONED BY DAY), then plans and runs each query N times
 * per runner and prints p50/p95 of the wall time from submit to results on disk. A benchmark, not a
 * test: run it with {@code bench/interactive-queries.sh [runs]}.
 */
public final class InteractiveQueriesBenchmark {
  private static final Duration DEADLINE = Duration.ofMinutes(5);
  private static final List<String> QUERIES = List.of(
      "SELECT COUNT(*) FROM wikipedia",
      "SELECT channel, COUNT(*) FROM wikipedia GROUP BY channel ORDER BY 2 DESC LIMIT 10",
      "SELECT __time, channel, page FROM wikipedia WHERE channel = '#en.wikipedia' LIMIT 100");
  private static final String[] STRING_COLUMNS = {"channel", "cityName", "comment", "countryIsoCode", "countryName",
      "isAnonymous", "isMinor", "isNew", "isRobot", "isUnpatrolled", "namespace", "page", "regionIsoCode",
      "regionName", "user"};
  private static final String[] LONG_COLUMNS = {"metroCode", "delta", "added", "deleted"};

  private InteractiveQueriesBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Path data = Path.of(args.length > 1 ? args[1] : "examples/data").toAbsolutePath();
    Path root = Files.createTempDirectory("interactive-bench");
    DirectJobRunner direct = new DirectJobRunner(false);
    try (InProcessRunner inProcess = new InProcessRunner(2, InProcessLimits.DEFAULT)) {
      Catalog catalog = ingest(direct, data, root);
      System.out.printf("runs per query and runner: %d%n", runs);
      System.out.printf("%-88s %-10s %8s %8s %8s%n", "query", "runner", "p50 ms", "p95 ms", "max ms");
      for (String sql : QUERIES) {
        double[] directTimes = measure(direct, catalog, sql, runs, root);
        double[] inProcessTimes = measure(inProcess, catalog, sql, runs, root);
        print(sql, "direct", directTimes);
        print(sql, "inProcess", inProcessTimes);
        System.out.printf("%-88s %-10s %8.1fx%n", "", "p50 ratio", percentile(directTimes, 50)
            / percentile(inProcessTimes, 50));
      }
    }
  }

  private static Catalog ingest(Runner runner, Path data, Path root) throws Exception {
    StringBuilder columns = new StringBuilder("[{\"name\":\"time\",\"type\":\"string\"}");
    for (String column : STRING_COLUMNS) {
      columns.append(",{\"name\":\"").append(column).append("\",\"type\":\"string\"}");
    }
    for (String column : LONG_COLUMNS) {
      columns.append(",{\"name\":\"").append(column).append("\",\"type\":\"long\"}");
    }
    columns.append(']');
    String sql = "INSERT INTO wikipedia SELECT TIME_PARSE(\"time\") AS __time, * FROM TABLE(EXTERN("
        + "'{\"type\":\"local\",\"baseDir\":\"" + data + "\",\"filter\":\"wikiticker-2015-09-12-sampled.json.gz\"}',"
        + "'{\"type\":\"json\"}','" + columns + "')) PARTITIONED BY DAY";
    Instant start = Instant.now();
    Path out = run(runner, plan(Catalog.empty(), sql), root.resolve("ingest"));
    List<SegmentFile> segments = JobOutputs.writtenSegments(out).stream()
        .map(s -> new SegmentFile(s.segmentId(), s.path())).toList();
    System.out.printf("ingested wikiticker into %d segment(s) in %d ms%n", segments.size(),
        Duration.between(start, Instant.now()).toMillis());
    List<ColumnSignature> signature = new ArrayList<>();
    signature.add(new ColumnSignature("__time", ColumnType.LONG));
    for (String column : STRING_COLUMNS) {
      signature.add(new ColumnSignature(column, ColumnType.STRING));
    }
    for (String column : LONG_COLUMNS) {
      signature.add(new ColumnSignature(column, ColumnType.LONG));
    }
    TableDescriptor table = new TableDescriptor("wikipedia", signature, segments);
    return new Catalog() {
      @Override
      public Optional<TableDescriptor> table(String dataSource) {
        return dataSource.equals("wikipedia") ? Optional.of(table) : Optional.empty();
      }

      @Override
      public List<String> dataSourceNames() {
        return List.of("wikipedia");
      }
    };
  }

  /** Milliseconds per run, planning included (the SQL API plans every query too). */
  private static double[] measure(Runner runner, Catalog catalog, String sql, int runs, Path root) throws Exception {
    double[] times = new double[runs];
    for (int i = -3; i < runs; i++) { // three warm-up runs per query and runner
      long start = System.nanoTime();
      run(runner, plan(catalog, sql), root.resolve(runner.name() + "-" + Math.abs(sql.hashCode()) + "-" + (i + 3)));
      if (i >= 0) {
        times[i] = (System.nanoTime() - start) / 1e6;
      }
    }
    return times;
  }

  private static Path run(Runner runner, QueryPlan plan, Path dir) throws InterruptedException {
    RunningJob job = runner.submit(plan, new PipelineSettings(dir.resolve("out").toString(),
        dir.resolve("work").toString(), dir.getParent().resolve("deep").toString()));
    JobState state = job.await(DEADLINE);
    if (state != JobState.SUCCEEDED) {
      throw new IllegalStateException(runner.name() + " ended " + state, job.failure());
    }
    return dir.resolve("out");
  }

  private static QueryPlan plan(Catalog catalog, String sql) {
    return new StatementPlanner(catalog).plan(sql, Map.of(), "bench-" + System.nanoTime(), Instant.now().toString())
        .plan();
  }

  private static void print(String sql, String runner, double[] times) {
    System.out.printf("%-88s %-10s %8.1f %8.1f %8.1f%n", sql, runner, percentile(times, 50), percentile(times, 95),
        percentile(times, 100));
  }

  private static double percentile(double[] times, int p) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
