package io.msqbeam.server.task;

import static io.msqbeam.server.task.SampleData.SAMPLED_EXTERN;
import static io.msqbeam.server.task.SampleData.SAMPLED_SELECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MSQ faults raised by the shape of what an ingestion would write, end to end: the task fails and publishes nothing. */
class IngestionFaultsIT extends ServerPerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private int tasks;
  /** The errorMsg of the last task run, shown when an assertion on its outcome fails. */
  private String lastError;


  private static String inlineWithBadLines(int bad) {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      data.append("{\\\"t\\\":\\\"2024-01-0").append(i + 1).append("\\\",\\\"n\\\":").append(i).append("}\\n");
    }
    for (int i = 0; i < bad; i++) {
      data.append("{not json\\n");
    }
    return "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + data + "\"}','{\"type\":\"json\"}',"
        + "'[{\"name\":\"t\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"long\"}]'))";
  }

  @Test
  void failsOnTheFirstUnparseableRowByDefault() throws Exception {
    assertThat(run("INSERT INTO p SELECT TIME_PARSE(t) AS __time, n FROM " + inlineWithBadLines(1)
        + " PARTITIONED BY DAY", Map.of())).isEqualTo("FAILED");
    assertThat(lastError).startsWith("CannotParseExternalData: ");
  }

  @Test
  void toleratesUnparseableRowsUpToMaxParseExceptionsAndCountsThemAsWarnings() throws Exception {
    assertThat(run("INSERT INTO p SELECT TIME_PARSE(t) AS __time, n FROM " + inlineWithBadLines(1)
        + " PARTITIONED BY DAY", Map.of("maxParseExceptions", 1))).as(() -> lastError).isEqualTo("SUCCESS");
    assertThat(lastReport().at("/multiStageQuery/payload/counters/0/0/warnings/CannotParseExternalData").asInt())
        .isEqualTo(1);
    assertThat(lastReport().at("/multiStageQuery/payload/counters/0/0/input0/rows/0").asInt()).isEqualTo(5);

    assertThat(run("INSERT INTO q SELECT TIME_PARSE(t) AS __time, n FROM " + inlineWithBadLines(2)
        + " PARTITIONED BY DAY", Map.of("maxParseExceptions", 1))).isEqualTo("FAILED");
    assertThat(lastError).isEqualTo("TooManyWarnings: Too many warnings of type CannotParseExternalData generated"
        + " (max = 1)");
    assertThat(server.metadataStore().segments().usedSegments("q")).isEmpty();

    assertThat(run("INSERT INTO r SELECT TIME_PARSE(t) AS __time, n FROM " + inlineWithBadLines(3)
        + " PARTITIONED BY DAY", Map.of("mode", "nonStrict"))).isEqualTo("SUCCESS");
  }

  @Test
  void listsTheFirstFiveUnparseableRowsAsWarningsAndCountsThemAll() throws Exception {
    Path file = SampleData.writeSampledWithUnparseableLines(dataDir);
    assertThat(run(SampleData.rowsPerHour(file), Map.of("maxParseExceptions", -1))).as(() -> lastError)
        .isEqualTo("SUCCESS");
    JsonNode payload = lastReport().at("/multiStageQuery/payload");
    // The 20 good rows: 10/4/6 in hours 00/01/02 of 2016-06-27 (Druid's wikipedia-sampled.json).
    assertThat(payload.at("/results/results").toString())
        .isEqualTo("[[1466985600000,10],[1466989200000,4],[1466992800000,6]]");
    assertThat(payload.at("/counters/0/0/warnings/CannotParseExternalData").asInt()).isEqualTo(20);
    assertThat(payload.at("/counters/0/0/input0/rows/0").asInt()).isEqualTo(20);
    assertFirstFiveWarnings(payload, file, "query-t" + tasks + "-worker0_0");

    // The statements API shows the report's warnings with detail=true.
    JsonNode statement = JSON.readTree(get("/druid/v2/sql/statements/query-t" + tasks + "?detail=true"));
    assertThat(statement.path("warnings")).isEqualTo(payload.at("/status/warnings"));

    // A limit: the task fails with TooManyWarnings (Druid's MSQWarningsTest), still listing what it met.
    assertThat(run(SampleData.rowsPerHour(file), Map.of("maxParseExceptions", 3))).isEqualTo("FAILED");
    assertThat(lastError).isEqualTo("TooManyWarnings: Too many warnings of type CannotParseExternalData generated"
        + " (max = 3)");
    assertThat(lastReport().at("/multiStageQuery/payload/status/warnings/0/error/errorMessage").asText())
        .endsWith("Record: 2, Line: 2)");

    // Without bad rows there is no warnings list at all, as in Druid.
    assertThat(run(SAMPLED_SELECT, Map.of("maxParseExceptions", -1))).isEqualTo("SUCCESS");
    assertThat(lastReport().at("/multiStageQuery/payload/status").has("warnings")).isFalse();
  }

  @Test
  void listsTheWarningsMetSoFarInTheLiveReportWhileTheTaskRuns() throws Exception {
    // An http input that sends two good and two bad rows, then holds the rest of its body until the test has
    // seen the live report: the task is still reading when the report must already list the two bad rows.
    java.util.List<String> good = java.nio.file.Files.readAllLines(Path.of("src/test/resources/data/wikipedia-sampled.json"));
    String bad = SampleData.UNPARSABLE_LINE;
    String head = String.join("\n", good.get(0), bad, good.get(1), bad) + "\n";
    String tail = String.join("\n", good.get(2), bad, good.get(3)) + "\n";
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    com.sun.net.httpserver.HttpServer input = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    input.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    input.createContext("/slow.json", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (java.io.OutputStream out = exchange.getResponseBody()) {
        out.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
        release.await(2, java.util.concurrent.TimeUnit.MINUTES);
        out.write(tail.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    input.start();
    String uri = "http://127.0.0.1:" + input.getAddress().getPort() + "/slow.json";
    String sql = "SELECT TIME_FLOOR(TIME_PARSE(\"timestamp\"), 'PT1H') AS h, COUNT(*) AS cnt FROM TABLE(EXTERN("
        + "'{\"type\":\"http\",\"uris\":[\"" + uri + "\"]}','{\"type\":\"json\"}',"
        + "'[{\"name\":\"timestamp\",\"type\":\"string\"},{\"name\":\"channel\",\"type\":\"string\"}]'))"
        + " GROUP BY 1 ORDER BY 1";
    try {
      assertThat(post("/druid/v2/sql/task", TaskApi.body(sql, "live", Map.of("maxParseExceptions", -1))).statusCode())
          .isEqualTo(202);
      JsonNode live = awaitLiveWarnings("query-live", 2);
      assertThat(live.path("status").asText()).isEqualTo("RUNNING");
      for (int i = 0; i < 2; i++) {
        JsonNode error = live.at("/warnings/" + i + "/error");
        assertThat(error.path("errorCode").asText()).isEqualTo("CannotParseExternalData");
        assertThat(error.path("errorMessage").asText()).isEqualTo("Unable to parse row [" + bad + "] (Path: " + uri
            + ", Record: " + (i + 2) + ", Line: " + (2 * i + 2) + ")");
      }
      assertThat(api.awaitStatus("query-live", s -> true).path("statusCode").asText()).isEqualTo("RUNNING");

      release.countDown();
      assertThat(api.awaitTerminal("query-live").path("statusCode").asText()).isEqualTo("SUCCESS");
      JsonNode done = api.report("query-live").at("/multiStageQuery/payload/status");
      assertThat(done.path("warnings")).hasSize(3);
      assertThat(done.at("/warnings/2/error/errorMessage").asText()).endsWith("Record: 4, Line: 6)");
    } finally {
      release.countDown();
      input.stop(0);
    }
  }

  /** Polls the live report until its status lists {@code count} warnings; returns that status. */
  private JsonNode awaitLiveWarnings(String taskId, int count) throws Exception {
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
    while (java.time.Instant.now().isBefore(deadline)) {
      var response = api.get("/druid/indexer/v1/task/" + taskId + "/reports");
      if (response.statusCode() == 200) {
        JsonNode status = JSON.readTree(response.body()).at("/multiStageQuery/payload/status");
        if (status.path("warnings").size() >= count) {
          return status;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the live report of " + taskId + " never listed " + count + " warnings");
  }

  /**
   * Druid keeps five verbose parse exceptions (druid-behaviour.md §5.3), each an error report shaped like
   * {@code errorReport}: here the first five bad rows, lines 2, 4, 6, 8 and 10, with Druid's reader
   * message for a line it cannot read (IntermediateRowParsingReader: the line, the file's URI, the record
   * number, one more than the good rows before it, and the line number).
   */
  static void assertFirstFiveWarnings(JsonNode payload, Path file, String workerTaskId) throws Exception {
    JsonNode warnings = payload.at("/status/warnings");
    assertThat(warnings).hasSize(5);
    for (int i = 0; i < 5; i++) {
      JsonNode warning = warnings.get(i);
      assertThat(fieldNames(warning)).containsExactly("taskId", "host", "stageNumber", "error");
      assertThat(warning.path("taskId").asText()).matches(workerTaskId);
      assertThat(warning.path("host").asText()).matches("[^:]+:\\d+");
      assertThat(warning.path("stageNumber").asInt()).isEqualTo(0);
      JsonNode error = warning.path("error");
      assertThat(fieldNames(error)).containsExactly("errorCode", "errorMessage");
      assertThat(error.path("errorCode").asText()).isEqualTo("CannotParseExternalData");
      assertThat(error.path("errorMessage").asText()).isEqualTo("Unable to parse row [" + SampleData.UNPARSABLE_LINE
          + "] (Path: " + file.toFile().toURI() + ", Record: " + (i + 2) + ", Line: " + (2 * i + 2) + ")");
    }
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void failsAnEmptyInsertWhenAskedTo() throws Exception {
    assertThat(run("INSERT INTO w " + SAMPLED_SELECT.replace("FROM " + SAMPLED_EXTERN, "FROM " + SAMPLED_EXTERN + " WHERE channel = 'none'")
        + " PARTITIONED BY DAY", Map.of("failOnEmptyInsert", true))).isEqualTo("FAILED");
    assertThat(lastError).isEqualTo("InsertCannotBeEmpty: No rows to insert for dataSource[w]. Set failOnEmptyInsert"
        + " : false in the query context to allow empty inserts.");
    assertThat(run("INSERT INTO w " + SAMPLED_SELECT.replace("FROM " + SAMPLED_EXTERN, "FROM " + SAMPLED_EXTERN + " WHERE channel = 'none'")
        + " PARTITIONED BY DAY", Map.of())).isEqualTo("SUCCESS");
  }

  @Test
  void failsWhenAChunkNeedsMoreSegmentsThanMaxNumSegments() throws Exception {
    assertThat(run("INSERT INTO w " + SAMPLED_SELECT + " PARTITIONED BY DAY", Map.of("rowsPerSegment", 5, "maxNumSegments", 2)))
        .isEqualTo("FAILED");
    JsonNode error = lastReport().at("/multiStageQuery/payload/status/errorReport/error");
    assertThat(error.path("errorCode").asText()).isEqualTo("TooManySegmentsInTimeChunk");
    assertThat(error.path("numSegments").asInt()).isEqualTo(4);
    assertThat(error.path("timeChunk").asText()).isEqualTo("2016-06-27T00:00:00.000Z/2016-06-28T00:00:00.000Z");
    assertThat(server.metadataStore().segments().usedSegments("w")).isEmpty();
  }

  @Test
  void failsMoreThanFiveThousandTimeChunksWithTooManyBuckets() throws Exception {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < 5001; i++) {
      data.append("{\\\"t\\\":").append(1_000_000L * i).append("}\\n");
    }
    String inline = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + data
        + "\"}','{\"type\":\"json\"}','[{\"name\":\"t\",\"type\":\"long\"}]'))";
    assertThat(run("INSERT INTO b SELECT MILLIS_TO_TIMESTAMP(t) AS __time, t FROM " + inline
        + " PARTITIONED BY 'SECOND'", Map.of())).as(() -> lastError).isEqualTo("FAILED");
    assertThat(lastError).isEqualTo("TooManyBuckets: Too many partition buckets (max = 5,000); try breaking your"
        + " query up into smaller queries or using a wider PARTITIONED BY");
  }

  /**
   * MSQFaultsTest#testInsertWithManyColumns and #testInsertWithHugeClusteringKeys: Druid counts its own
   * {@code __bucket} and {@code __boost} columns in the stage that feeds the segments, so {@code __time} and
   * 1,999 columns fail with TooManyColumns(2002, 2000), and CLUSTERED BY 1..1700 over {@code __time} and
   * 1,699 columns with TooManyClusteredByColumns(1702, 1500, stage 0); nothing is read or published.
   */
  @Test
  void failsTooManyColumnsAndClusterKeysCountingDruidsOwnColumns() throws Exception {
    assertThat(run(manyColumns(2000, false), Map.of())).isEqualTo("FAILED");
    assertThat(lastError).isEqualTo("TooManyColumns: Too many output columns (requested = 2002, max = 2000)");
    JsonNode columns = lastReport().at("/multiStageQuery/payload/status/errorReport/error");
    assertThat(columns.path("numColumns").asInt()).isEqualTo(2002);
    assertThat(columns.path("maxColumns").asInt()).isEqualTo(2000);

    assertThat(run(manyColumns(1700, true), Map.of())).isEqualTo("FAILED");
    assertThat(lastError).isEqualTo("TooManyClusteredByColumns: Too many cluster by columns present in stage [0]"
        + " (requested = 1702, max = 1500)");
    assertThat(server.metadataStore().segments().usedSegments("many")).isEmpty();
  }

  /**
   * Invalid context values: MSQWarningsTest#testInvalidMaxParseExceptionsPassed (maxParseExceptions -2: the task
   * fails with UnknownError, Druid's IllegalArgumentException) and druid-behaviour.md §3's maxNumTasks 1 (400
   * invalidInput, no task).
   */
  @Test
  void refusesInvalidMaxParseExceptionsAndMaxNumTasksAsDruidDoes() throws Exception {
    assertThat(run(SampleData.unparseableDailyCounts("bad_limit"), Map.of("maxParseExceptions", -2)))
        .isEqualTo("FAILED");
    assertThat(lastError).isEqualTo("UnknownError: java.lang.IllegalArgumentException: Invalid limit of -2 supplied"
        + " for warnings of type CannotParseExternalData. Limit can be greater than or equal to -1.");
    assertThat(server.metadataStore().segments().usedSegments("bad_limit")).isEmpty();

    HttpResponse<String> refused = post("/druid/v2/sql/task", TaskApi.body(SAMPLED_SELECT, "one-task",
        Map.of("maxNumTasks", 1)));
    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(refused.body()).path("error");
    assertThat(error.path("errorCode").asText()).isEqualTo("invalidInput");
    assertThat(error.path("errorMessage").asText()).isEqualTo("MSQ context maxNumTasks [1] cannot be less than 2,"
        + " since at least 1 controller and 1 worker is necessary");
    assertThat(get("/druid/indexer/v1/task/query-one-task/status")).startsWith("Cannot find any task with id");
  }

  /**
   * MSQFaultsTest#testInsertWithTooManySegments: 30,000 rows of one day with {@code rowsPerSegment} 1 need
   * more than Druid's 25,000 partitions in a stage: TooManyPartitions(25000), nothing published.
   */
  @Test
  void failsMoreThanTwentyFiveThousandSegmentsWithTooManyPartitions() throws Exception {
    Path file = dataDir.resolve("rows.json");
    java.nio.file.Files.writeString(file, "{\"timestamp\":\"2016-06-27T01:02:03Z\"}\n".repeat(30_000));
    assertThat(run("INSERT INTO parts SELECT FLOOR(TIME_PARSE(\"timestamp\") TO DAY) AS __time FROM TABLE(EXTERN("
        + "'{\"type\":\"local\",\"files\":[\"" + file + "\"]}','{\"type\":\"json\"}',"
        + "'[{\"name\":\"timestamp\",\"type\":\"string\"}]')) PARTITIONED BY DAY", Map.of("rowsPerSegment", 1)))
        .isEqualTo("FAILED");
    assertThat(lastError).isEqualTo("TooManyPartitions: Too many partitions (max = 25000); try breaking your query up"
        + " into smaller queries or using a larger target size");
    assertThat(lastReport().at("/multiStageQuery/payload/status/errorReport/error/maxPartitions").asInt())
        .isEqualTo(25000);
    assertThat(server.metadataStore().segments().usedSegments("parts")).isEmpty();
  }

  /** MSQFaultsTest's statement: {@code __time} and columns col1 … col(n - 1), optionally CLUSTERED BY 1 … n. */
  private static String manyColumns(int n, boolean clustered) {
    StringBuilder names = new StringBuilder();
    StringBuilder signature = new StringBuilder("[{\"name\":\"timestamp\",\"type\":\"string\"}");
    StringBuilder ordinals = new StringBuilder("1");
    for (int i = 1; i < n; i++) {
      names.append(", col").append(i);
      signature.append(",{\"name\":\"col").append(i).append("\",\"type\":\"string\"}");
      ordinals.append(", ").append(i + 1);
    }
    return "INSERT INTO many SELECT FLOOR(TIME_PARSE(\"timestamp\") TO DAY) AS __time" + names
        + " FROM TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"{}\"}','{\"type\":\"json\"}','" + signature
        + "]')) PARTITIONED BY DAY" + (clustered ? " CLUSTERED BY " + ordinals : "");
  }

  private String run(String sql, Map<String, Object> context) throws Exception {
    JsonNode status = api.run(sql, "t" + (++tasks), context);
    lastError = status.path("errorMsg").asText();
    return status.path("statusCode").asText();
  }

  private JsonNode lastReport() throws Exception {
    return api.report("query-t" + tasks);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return api.post(path, body);
  }

  private String get(String path) throws Exception {
    return api.get(path).body();
  }
}
