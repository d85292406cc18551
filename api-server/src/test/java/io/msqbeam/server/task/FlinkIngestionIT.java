package io.msqbeam.server.task;

import static io.msqbeam.server.task.SampleData.WIKITICKER_BASE_DIR;
import static io.msqbeam.server.task.SampleData.WIKITICKER_EXTERN;
import static io.msqbeam.server.task.SampleData.wikitickerInsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same ingestion on the embedded Flink cluster, chosen per statement with context {@code runner}:
 * the rows equal the DirectRunner's, the report names the runner, and shutdown cancels the Flink job.
 */
class FlinkIngestionIT {
  private static final ObjectMapper JSON = new ObjectMapper();



  @TempDir
  Path dataDir;



  @Test
  void ingestsWikitickerOnFlinkWithTheSameRowsAsTheDirectRunner() throws Exception {
    ServerComponents server = start();
    TaskApi api = new TaskApi(server);
    try {
      api.post("/druid/v2/sql/task", TaskApi.body(wikitickerInsert("wiki_flink", "TIME_PARSE(\"time\")"), "flink-1",
          Map.of("runner", "flink", "maxNumTasks", 3)));
      api.post("/druid/v2/sql/task", TaskApi.body(wikitickerInsert("wiki_direct", "TIME_PARSE(\"time\")"), "direct-1",
          Map.of("runner", "direct", "maxNumTasks", 3)));
      JsonNode flink = api.awaitTerminal("query-flink-1");
      assertThat(flink.path("statusCode").asText()).as(flink.toString()).isEqualTo("SUCCESS");
      assertThat(api.awaitTerminal("query-direct-1").path("statusCode").asText()).isEqualTo("SUCCESS");
      JsonNode report = JSON.readTree(api.get("/druid/indexer/v1/task/query-flink-1/reports").body());
      assertThat(report.at("/taskContext/payload/runner").asText()).isEqualTo("flink");
      assertThat(TaskApi.counterTotal(report, 0, "input0", "rows")).isEqualTo(39244);

      String byChannel = "SELECT channel, COUNT(*), SUM(added), MIN(__time), MAX(deleted) FROM %s GROUP BY 1 ORDER BY 1";
      assertThat(api.sql(String.format(byChannel, "wiki_flink"), "array"))
          .isEqualTo(api.sql(String.format(byChannel, "wiki_direct"), "array"));

      api.post("/druid/v2/sql/task", TaskApi.body(wikitickerInsert("wiki_cancel", "TIME_PARSE(\"time\")"), "flink-2",
          Map.of("runner", "flink")));
      api.awaitRunning("query-flink-2");
      assertThat(api.post("/druid/indexer/v1/task/query-flink-2/shutdown", "").statusCode()).isEqualTo(200);
      JsonNode canceled = api.awaitTerminal("query-flink-2");
      assertThat(canceled.path("errorMsg").asText()).isEqualTo("Shutdown request from user");
      assertThat(server.metadataStore().segments().usedSegments("wiki_cancel")).isEmpty();
    } finally {
      server.close();
    }
  }

  @Test
  void listsTheFirstFiveUnparseableRowsAndCountsBlankLinesOnFlinkToo() throws Exception {
    // Beam counters carry only numbers: the messages reach the report through the job's output directory.
    Path file = SampleData.writeSampledWithUnparseableLines(Files.createDirectories(dataDir.resolve("bad")));
    ServerComponents server = start();
    TaskApi api = new TaskApi(server);
    try {
      api.runToSuccess(SampleData.rowsPerHour(file), "flink-warn",
          Map.of("runner", "flink", "maxNumTasks", 3, "maxParseExceptions", -1));
      JsonNode report = api.report("query-flink-warn");
      JsonNode payload = report.at("/multiStageQuery/payload");
      assertThat(payload.at("/results/results").toString())
          .isEqualTo("[[1466985600000,10],[1466989200000,4],[1466992800000,6]]");
      long warnings = 0;
      for (JsonNode worker : payload.at("/counters/0")) {
        warnings += worker.at("/warnings/CannotParseExternalData").asLong();
      }
      assertThat(warnings).isEqualTo(20);
      // One file, read by one of the two workers.
      IngestionFaultsIT.assertFirstFiveWarnings(payload, file, "query-flink-warn-worker[01]_0");

      // Blank JSON lines are unparseable rows on Flink too (MSQWarningsTest's unparseable.gz: ten rows, ten
      // blank lines): strict, the first fails the task with Druid's reader message; tolerated, ten warnings.
      JsonNode strict = api.run(SampleData.unparseableDailyCounts("blank_flink0"), "flink-blank0",
          Map.of("runner", "flink", "maxNumTasks", 3));
      assertThat(strict.path("errorMsg").asText()).isEqualTo("CannotParseExternalData: Unable to parse row [] (Path: "
          + SampleData.unparseableUri() + ", Record: 2, Line: 2)");
      api.runToSuccess(SampleData.unparseableDailyCounts("blank_flink1"), "flink-blank1",
          Map.of("runner", "flink", "maxNumTasks", 3, "maxParseExceptions", -1));
      assertThat(TaskApi.counterTotal(api.report("query-flink-blank1"), 0, "warnings", "CannotParseExternalData"))
          .isEqualTo(10);
      assertThat(api.sqlArray("SELECT __time, cnt FROM blank_flink1").toString())
          .isEqualTo("[[\"2019-08-19T00:00:00.000Z\",10]]");
    } finally {
      server.close();
    }
  }

  @Test
  void reportsWhatEachWorkerCountedAsDruidDoes() throws Exception {
    // Sixteen files over two workers: Beam's Reshuffle is a Flink rebalance, which deals them out
    // round-robin, so each worker reads about half.
    Path input = Files.createDirectories(dataDir.resolve("input"));
    List<String> lines = wikitickerLines();
    for (int file = 0; file < 16; file++) {
      StringBuilder part = new StringBuilder();
      for (int line = file; line < lines.size(); line += 16) {
        part.append(lines.get(line)).append('\n');
      }
      Files.writeString(input.resolve("part-" + file + ".json"), part.toString());
    }
    String extern = WIKITICKER_EXTERN.replace(WIKITICKER_BASE_DIR.toString(), input.toString())
        .replace("wikiticker-2015-09-12-sampled.json.gz", "*.json");
    String insert = "INSERT INTO wiki_workers SELECT TIME_PARSE(\"time\") AS __time, * FROM " + extern + " PARTITIONED BY DAY";
    ServerComponents server = start();
    TaskApi api = new TaskApi(server);
    try {
      api.post("/druid/v2/sql/task", TaskApi.body(insert, "workers", Map.of("runner", "flink", "maxNumTasks", 3)));
      assertThat(api.awaitTerminal("query-workers").path("statusCode").asText()).isEqualTo("SUCCESS");
      JsonNode payload = api.report("query-workers").path("multiStageQuery").path("payload");

      assertThat(payload.at("/stages/0/workerCount").asInt()).isEqualTo(2);
      assertThat(fieldNames(payload.at("/status/workers"))).containsExactly("0", "1");
      assertThat(payload.at("/status/workers/1/0/workerId").asText()).isEqualTo("query-workers-worker1_0");
      assertThat(fieldNames(payload.at("/counters/0"))).containsExactly("0", "1");
      long rows = 0;
      long files = 0;
      for (String worker : List.of("0", "1")) {
        JsonNode input0 = payload.at("/counters/0/" + worker + "/input0");
        assertThat(input0.path("rows").path(0).asLong()).as("rows of worker %s", worker).isPositive();
        rows += input0.path("rows").path(0).asLong();
        files += input0.path("files").path(0).asLong();
      }
      assertThat(rows).isEqualTo(39244);
      assertThat(files).isEqualTo(16);
      long generated = 0;
      for (JsonNode worker : payload.at("/counters/1")) {
        generated += worker.at("/segmentGenerationProgress/rowsProcessed").asLong();
      }
      assertThat(generated).isEqualTo(39244);
    } finally {
      server.close();
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> wikitickerLines() throws Exception {
    try (var in = new GZIPInputStream(Files.newInputStream(
        WIKITICKER_BASE_DIR.resolve("wikiticker-2015-09-12-sampled.json.gz")))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }
  }

  @Test
  void rejectsAnUnknownRunnerWithDruidsInvalidInput() throws Exception {
    ServerComponents server = start();
    TaskApi api = new TaskApi(server);
    try {
      HttpResponse<String> response = api.post("/druid/v2/sql/task",
          TaskApi.body(wikitickerInsert("w", "TIME_PARSE(\"time\")"), "bad-runner", Map.of("runner", "spark")));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).at("/error/errorMessage").asText())
          .isEqualTo("Invalid value for context parameter [runner]: [spark]; valid runners: direct, flink");
    } finally {
      server.close();
    }
  }

  private ServerComponents start() {
    ServerComponents server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    return server;
  }

}
