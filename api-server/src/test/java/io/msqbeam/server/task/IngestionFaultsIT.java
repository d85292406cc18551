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
