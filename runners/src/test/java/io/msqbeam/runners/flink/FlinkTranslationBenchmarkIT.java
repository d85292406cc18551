package io.msqbeam.runners.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.pipelines.segment.WrittenSegment;
import io.msqbeam.pipelines.stage.JobOutputs;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.runners.DirectJobRunner;
import io.msqbeam.runners.JobState;
import io.msqbeam.runners.Runner;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.planner.StatementPlanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wall time of the wikiticker INSERT (39,244 rows, PARTITIONED BY DAY) on Flink's two Beam batch
 * translations, DataSet (default) and DataStream, each on its own warm embedded cluster, runs
 * interleaved so JIT warm-up favours neither; the DirectRunner (checks off) for reference. A
 * measurement, not a check: run with {@code -Dmsqbeam.benchmark=true}, optionally {@code -Dmsqbeam.benchmark.runs=<n>},
 * {@code -Dmsqbeam.benchmark.files=<dir>} and {@code -Dmsqbeam.benchmark.filter=<glob>} for other data.
 */
@EnabledIfSystemProperty(named = "msqbeam.benchmark", matches = "true")
class FlinkTranslationBenchmarkIT {
  private static final int RUNS = Integer.getInteger("msqbeam.benchmark.runs", 3);
  private static final String SIGNATURE = "[{\"name\":\"time\",\"type\":\"string\"},{\"name\":\"channel\",\"type\":\"string\"},"
      + "{\"name\":\"cityName\",\"type\":\"string\"},{\"name\":\"comment\",\"type\":\"string\"},"
      + "{\"name\":\"countryIsoCode\",\"type\":\"string\"},{\"name\":\"countryName\",\"type\":\"string\"},"
      + "{\"name\":\"isAnonymous\",\"type\":\"string\"},{\"name\":\"isMinor\",\"type\":\"string\"},"
      + "{\"name\":\"isNew\",\"type\":\"string\"},{\"name\":\"isRobot\",\"type\":\"string\"},"
      + "{\"name\":\"isUnpatrolled\",\"type\":\"string\"},{\"name\":\"metroCode\",\"type\":\"long\"},"
      + "{\"name\":\"namespace\",\"type\":\"string\"},{\"name\":\"page\",\"type\":\"string\"},"
      + "{\"name\":\"regionIsoCode\",\"type\":\"string\"},{\"name\":\"regionName\",\"type\":\"string\"},"
      + "{\"name\":\"user\",\"type\":\"string\"},{\"name\":\"delta\",\"type\":\"long\"},"
      + "{\"name\":\"added\",\"type\":\"long\"},{\"name\":\"deleted\",\"type\":\"long\"}]";

  @TempDir
  Path dir;

  @Test
  void measuresTheWikitickerInsertOnBothFlinkTranslations() throws Exception {
    String baseDir = System.getProperty("msqbeam.benchmark.files",
        Path.of("../examples/data").toAbsolutePath().normalize().toString());
    String filter = System.getProperty("msqbeam.benchmark.filter", "wikiticker-2015-09-12-sampled.json.gz");
    int workers = Integer.getInteger("msqbeam.benchmark.workers", 2);
    String sql = "INSERT INTO wikipedia SELECT TIME_PARSE(\"time\") AS __time, * FROM TABLE(EXTERN("
        + "'{\"type\":\"local\",\"baseDir\":\"" + baseDir + "\",\"filter\":\"" + filter + "\"}',"
        + "'{\"type\":\"json\"}','" + SIGNATURE + "')) PARTITIONED BY DAY";
    QueryPlan plan = new StatementPlanner(Catalog.empty())
        .plan(sql, Map.of("maxNumTasks", workers + 1), "query-bench", "2024-02-01T00:00:00.000Z").plan();

    FlinkClusterSettings cluster = FlinkClusterSettings.DEFAULTS.withParallelism(Math.max(2, workers), workers);
    Map<String, List<Long>> millis = new LinkedHashMap<>();
    try (FlinkEmbeddedRunner dataSet = new FlinkEmbeddedRunner(cluster);
        FlinkEmbeddedRunner dataStream = new FlinkEmbeddedRunner(cluster.withUseDataStreamForBatch(true))) {
      Map<String, Runner> runners = new LinkedHashMap<>();
      runners.put("flink-dataset", dataSet);
      runners.put("flink-datastream", dataStream);
      runners.put("direct", new DirectJobRunner(false));
      for (int run = 0; run <= RUNS; run++) {
        for (Map.Entry<String, Runner> runner : runners.entrySet()) {
          long elapsed = timeOneRun(runner.getValue(), plan, runner.getKey() + "-" + run);
          if (run > 0) {
            millis.computeIfAbsent(runner.getKey(), k -> new ArrayList<>()).add(elapsed);
          }
          System.out.printf("benchmark %s run %d (%s): %d ms%n", runner.getKey(), run, run == 0 ? "warm-up" : "measured",
              elapsed);
        }
      }
    }
    millis.forEach((name, times) -> System.out.printf("benchmark %s workers=%d: %s ms (min %d)%n", name, workers, times,
        times.stream().mapToLong(Long::longValue).min().orElseThrow()));
  }

  private long timeOneRun(Runner runner, QueryPlan plan, String name) throws InterruptedException {
    Path out = dir.resolve(name);
    long start = System.nanoTime();
    RunningJob job = runner.submit(plan, new PipelineSettings(out.resolve("out").toString(),
        out.resolve("work").toString(), out.resolve("deep").toString()));
    JobState end = job.await(Duration.ofMinutes(20));
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    assertThat(end).as("%s failed: %s", name, job.failure()).isEqualTo(JobState.SUCCEEDED);
    assertThat(JobOutputs.writtenSegments(out.resolve("out")).stream().mapToLong(WrittenSegment::numRows).sum())
        .isPositive();
    return elapsed;
  }
}
