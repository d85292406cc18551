package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.pipelines.input.InputSplits;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import io.msqbeam.translator.plan.JsonInputFormat;
import io.msqbeam.translator.plan.LocalInputSource;
import java.io.BufferedWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One uncompressed file larger than the server's split size, read in byte ranges on two workers
 * ({@code maxNumTasks} 3) on each runner: every row arrives exactly once, and the report's input0
 * counters are Druid's for one file read whole (rows, bytes of the file, files and totalFiles 1
 * summed over the workers). The file is generated here; the expected count, sum and distinct ids
 * are computed while writing it.
 */
class ParallelFileSplitsIT {
  private static final int ROWS = 40_000;
  /** Small enough that the few-MB file below is cut into several ranges. */
  private static final long SPLIT_BYTES = 256L << 10;

  @TempDir
  static Path dir;
  private static ServerComponents server;
  private static TaskApi api;
  private static Path file;
  private static long sum;

  @BeforeAll
  static void start() throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dir.resolve("server"))
        .withInputSplitBytes(SPLIT_BYTES));
    server.start();
    api = new TaskApi(server);
    file = Files.createDirectories(dir.resolve("inputs")).resolve("rows.json");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int id = 0; id < ROWS; id++) {
        long value = (id * 7919L) % 1000; // varied widths, so range edges fall mid-line
        sum += value;
        out.write("{\"timestamp\":\"2016-06-2" + (7 + id % 2) + "T" + String.format("%02d", id % 24)
            + ":00:00.000Z\",\"id\":" + id + ",\"v\":" + value + ",\"pad\":\"" + "x".repeat(id % 50) + "\"}\n");
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"direct", "flink"})
  void readsEveryRowOfASplitFileOnce(String runner) throws Exception {
    // The premise: at the server's split size the file is read as several ranges, not whole.
    assertThat(InputSplits.forReading(new LocalInputSource(null, null, List.of(file.toString())),
        new JsonInputFormat(), SPLIT_BYTES)).hasSizeGreaterThan(4);
    String dataSource = "split_" + runner;

    api.runToSuccess("INSERT INTO " + dataSource + " SELECT TIME_PARSE(\"timestamp\") AS __time, id, v"
        + " FROM TABLE(EXTERN('{\"type\":\"local\",\"files\":[\"" + file + "\"]}','{\"type\":\"json\"}',"
        + "'[{\"name\":\"timestamp\",\"type\":\"string\"},{\"name\":\"id\",\"type\":\"long\"},"
        + "{\"name\":\"v\",\"type\":\"long\"}]')) PARTITIONED BY DAY", dataSource,
        Map.of("runner", runner, "maxNumTasks", 3));

    HttpResponse<String> rows = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of(
        "query", "SELECT COUNT(*), SUM(v), COUNT(DISTINCT id), MIN(id), MAX(id) FROM " + dataSource,
        "resultFormat", "array", "context", Map.of("useApproximateCountDistinct", false))));
    assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
    assertThat(TaskApi.JSON.readTree(rows.body()))
        .isEqualTo(TaskApi.JSON.readTree("[[" + ROWS + "," + sum + "," + ROWS + ",0," + (ROWS - 1) + "]]"));
    JsonNode report = api.report("query-" + dataSource);
    assertThat(TaskApi.counterTotal(report, 0, "input0", "rows")).isEqualTo(ROWS);
    assertThat(TaskApi.counterTotal(report, 0, "input0", "bytes")).isEqualTo(Files.size(file));
    assertThat(TaskApi.counterTotal(report, 0, "input0", "files")).isEqualTo(1);
    // Druid's per-worker totalFiles are the files of each worker's slice: they add up to the input's one file.
    assertThat(TaskApi.counterTotal(report, 0, "input0", "totalFiles")).isEqualTo(1);
  }
}
