package io.msqbeam.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 6's ingestion benchmark: for each input size, the end-to-end time of fixture msq-a's
 * wikiticker {@code INSERT … PARTITIONED BY DAY} (submit → SUCCESS, segments written and published)
 * on each runner configuration, each in a fresh server JVM warmed by one ingestion of the 100k-row
 * file (a server serves many tasks; the first one in a JVM mostly measures the JIT compiler),
 * against a single-thread Jackson parse of the same file measured in the same run. Prints rows/s, the ratio to the reference and the
 * server's peak RSS, and checks that the ingested table holds every row. With {@code runs} above 1
 * the measured ingestion is repeated in the same server, one row each: the later runs show a server
 * that has been serving for a while, whose JIT-compiled code and heap sizing have settled.
 *
 * <p>Run it with {@code bench/ingest.sh}; arguments: {@code <repo> <data dir> <sizes> <configs>
 * <direct max rows> [runs, default 1]}, where the data dir holds {@code wiki-<rows>.json} files from
 * {@code make-wiki-data.py} and configs are {@code direct}, {@code flink-1}, {@code flink-2}.
 */
public final class IngestBenchmark {
  private static final String COLUMNS = "[{\"name\":\"time\",\"type\":\"string\"},"
      + "{\"name\":\"channel\",\"type\":\"string\"},{\"name\":\"cityName\",\"type\":\"string\"},"
      + "{\"name\":\"comment\",\"type\":\"string\"},{\"name\":\"countryIsoCode\",\"type\":\"string\"},"
      + "{\"name\":\"countryName\",\"type\":\"string\"},{\"name\":\"isAnonymous\",\"type\":\"string\"},"
      + "{\"name\":\"isMinor\",\"type\":\"string\"},{\"name\":\"isNew\",\"type\":\"string\"},"
      + "{\"name\":\"isRobot\",\"type\":\"string\"},{\"name\":\"isUnpatrolled\",\"type\":\"string\"},"
      + "{\"name\":\"metroCode\",\"type\":\"long\"},{\"name\":\"namespace\",\"type\":\"string\"},"
      + "{\"name\":\"page\",\"type\":\"string\"},{\"name\":\"regionIsoCode\",\"type\":\"string\"},"
      + "{\"name\":\"regionName\",\"type\":\"string\"},{\"name\":\"user\",\"type\":\"string\"},"
      + "{\"name\":\"delta\",\"type\":\"long\"},{\"name\":\"added\",\"type\":\"long\"},{\"name\":\"deleted\",\"type\":\"long\"}]";

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]).toAbsolutePath();
    Path dataDir = Path.of(args[1]).toAbsolutePath();
    List<Long> sizes = Stream.of(args[2].split(",")).map(Long::parseLong).toList();
    List<String> configs = List.of(args[3].split(","));
    long directMaxRows = Long.parseLong(args[4]);
    int runs = args.length > 5 ? Integer.parseInt(args[5]) : 1;

    List<String> lines = new ArrayList<>();
    lines.add("| rows | configuration | submit → SUCCESS | rows/s | ratio to reference | peak RSS | CPU s"
        + " | of which JIT / GC | CPU per row vs reference |");
    lines.add("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    lines.forEach(System.out::println);
    JacksonReference.parseNanos(dataDir.resolve("wiki-100000.json"), 100_000); // warms the reference up too
    for (long rows : sizes) {
      Path file = dataDir.resolve("wiki-" + rows + ".json");
      JacksonReference.Timing reference = JacksonReference.parse(file, rows);
      long referenceNanos = reference.nanos();
      double referenceRate = rows / seconds(referenceNanos);
      double referenceCpu = seconds(reference.cpuNanos());
      lines.add(row(rows, "reference: Jackson readTree, 1 thread", referenceNanos, referenceRate, "1.00", "—")
          + String.format(Locale.ROOT, " %.1f | — | 1.0× |", referenceCpu));
      print(lines);
      for (String config : configs) {
        if (config.equals("direct") && rows > directMaxRows) {
          lines.add("| " + rows + " | " + config + " | skipped: the DirectRunner keeps each shuffle in memory | | | | | | |");
          continue;
        }
        List<Result> results = run(repo, file, rows, config, runs);
        for (int i = 0; i < results.size(); i++) {
          Result result = results.get(i);
          String label = runs == 1 ? config : config + ", run " + (i + 1) + " of " + runs;
          lines.add(result.state.equals("SUCCESS")
              ? row(rows, label, result.nanos, rows / seconds(result.nanos),
                  String.format(Locale.ROOT, "%.2f", (rows / seconds(result.nanos)) / referenceRate),
                  String.format(Locale.ROOT, "%.2f GB", result.peakRss / 1e9))
                  + String.format(Locale.ROOT, " %.1f | %.1f / %.1f | %.1f× |", result.cpuSeconds, result.jitCpuSeconds,
                      result.gcCpuSeconds, result.cpuSeconds / referenceCpu)
              : "| " + rows + " | " + label + " | " + result.state + ": " + result.detail + " | | | | | | |");
          print(lines);
        }
      }
    }
  }

  /** {@code runs} measured ingestions of {@code file}, one after another in the same warmed-up server. */
  private static List<Result> run(Path repo, Path file, long rows, String config, int runs) throws Exception {
    String runner = config.startsWith("flink") ? "flink" : "direct";
    int workers = config.contains("-") ? Integer.parseInt(config.substring(config.indexOf('-') + 1)) : 2;
    Path serverDir = Files.createTempDirectory("msq-beam-bench-");
    Path log = Files.createTempFile("msq-beam-bench-", ".log");
    List<Result> results = new ArrayList<>();
    try (BenchServer server = BenchServer.start(repo, serverDir, runner, log)) {
      SqlTaskClient client = new SqlTaskClient(server.base());
      // Druid's maxNumTasks counts the controller: workers = maxNumTasks - 1.
      Map<String, Object> context = Map.of("maxNumTasks", workers + 1, "runner", runner);
      SqlTaskClient.TaskOutcome warmUp = client.runTask(insert("warmup", file.resolveSibling("wiki-100000.json")),
          context);
      if (!warmUp.state().equals("SUCCESS")) {
        return List.of(new Result("WARM-UP " + warmUp.state(), warmUp.nanos(), server.peakRssBytes(), 0, 0, 0,
            warmUp.errorMsg()));
      }
      for (int run = 1; run <= runs; run++) {
        String dataSource = "bench" + run;
        double cpuBefore = server.cpuSeconds();
        double[] jitAndGcBefore = server.jitAndGcCpuSeconds();
        SqlTaskClient.TaskOutcome outcome = client.runTask(insert(dataSource, file), context);
        double cpu = server.cpuSeconds() - cpuBefore;
        double[] jitAndGc = server.jitAndGcCpuSeconds();
        double jit = jitAndGc[0] - jitAndGcBefore[0];
        double gc = jitAndGc[1] - jitAndGcBefore[1];
        long peakRss = server.peakRssBytes();
        if (!outcome.state().equals("SUCCESS")) {
          results.add(new Result(outcome.state(), outcome.nanos(), peakRss, cpu, jit, gc,
              outcome.errorMsg() + " (server log " + log + ")"));
          return results;
        }
        JsonNode count = client.scalar("SELECT COUNT(*) FROM " + dataSource);
        if (count.asLong() != rows) {
          results.add(new Result("WRONG", outcome.nanos(), peakRss, cpu, jit, gc, "COUNT(*) = " + count + ", expected " + rows));
          return results;
        }
        results.add(new Result("SUCCESS", outcome.nanos(), peakRss, cpu, jit, gc, ""));
      }
      Files.deleteIfExists(log);
      return results;
    } finally {
      deleteTree(serverDir);
    }
  }

  private static String insert(String dataSource, Path file) {
    return "INSERT INTO " + dataSource + " SELECT TIME_PARSE(\"time\") AS __time, * FROM TABLE(EXTERN('"
        + "{\"type\":\"local\",\"files\":[\"" + file + "\"]}','{\"type\":\"json\"}','" + COLUMNS + "'))"
        + " PARTITIONED BY DAY";
  }

  /**
   * {@code cpuSeconds}: what the server used from submit to SUCCESS, on all its threads; of it,
   * {@code jitCpuSeconds} on its JIT compiler threads and {@code gcCpuSeconds} on its GC threads.
   */
  private record Result(String state, long nanos, long peakRss, double cpuSeconds, double jitCpuSeconds,
      double gcCpuSeconds, String detail) {}

  private static String row(long rows, String config, long nanos, double rate, String ratio, String rss) {
    return String.format(Locale.ROOT, "| %d | %s | %.1f s | %,.0f | %s | %s |", rows, config, seconds(nanos), rate,
        ratio, rss);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void print(List<String> lines) {
    System.out.println(lines.get(lines.size() - 1));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
