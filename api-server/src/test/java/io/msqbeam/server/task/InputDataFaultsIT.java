package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MSQ faults raised by what an ingestion reads and writes (NUL characters, reserved column names, rows
 * larger than a frame), end to end over one server: the task fails with Druid's code, message and
 * fields and publishes nothing; what avoids the fault makes the same data ingest, read back with SQL.
 */
class InputDataFaultsIT {
  /** Druid's MSQ test file: a header, then three rows; the first agent_category ends in a NUL. */
  private static final Path NULL_BYTE_CSV = Path.of("src/test/resources/data/null-byte-string.csv").toAbsolutePath();

  @TempDir
  static Path dataDir;
  private static ServerComponents server;
  private static TaskApi api;
  private static int tasks;

  @BeforeAll
  static void start() {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String nullByteExtern() {
    return "TABLE(EXTERN('{\"type\":\"local\",\"files\":[\"" + NULL_BYTE_CSV + "\"]}',"
        + "'{\"type\":\"csv\",\"findColumnsFromHeader\":true}',"
        + "'[{\"name\":\"timestamp\",\"type\":\"string\"},{\"name\":\"agent_category\",\"type\":\"string\"},"
        + "{\"name\":\"agent_type\",\"type\":\"string\"},{\"name\":\"browser\",\"type\":\"string\"}]'))";
  }

  /** The data rows of the csv file (header dropped), split into fields. */
  private static List<String[]> csvRows() throws Exception {
    List<String> lines = Files.readAllLines(NULL_BYTE_CSV, StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
  }

  @Test
  void failsOnANullByteInAWrittenStringWithDruidsFields() throws Exception {
    List<String[]> rows = csvRows();
    int failing = 0;
    while (rows.get(failing)[1].indexOf('\0') < 0) {
      failing++;
    }
    String value = rows.get(failing)[1];

    JsonNode status = run("INSERT INTO nb SELECT FLOOR(TIME_PARSE(\"timestamp\") TO MINUTE) AS __time, agent_category"
        + " FROM " + nullByteExtern() + " PARTITIONED BY ALL", Map.of());

    assertThat(status.path("statusCode").asText()).isEqualTo("FAILED");
    JsonNode error = lastReport().at("/multiStageQuery/payload/status/errorReport/error");
    String source = "external input source: LocalInputSource{baseDir=\"null\", filter=null, files=[" + NULL_BYTE_CSV
        + "]}";
    assertThat(error.path("errorCode").asText()).isEqualTo("InvalidNullByte");
    assertThat(error.path("source").asText()).isEqualTo(source);
    assertThat(error.path("rowNumber").asInt()).isEqualTo(failing + 1);
    assertThat(error.path("column").asText()).isEqualTo("agent_category");
    assertThat(error.path("value").asText()).isEqualTo(value);
    assertThat(error.path("position").asInt()).isEqualTo(value.indexOf('\0'));
    assertThat(error.path("errorMessage").asText()).isEqualTo("Invalid null byte at source[" + source
        + "], rowNumber[" + (failing + 1) + "], column[agent_category], value[" + value + "], position["
        + value.indexOf('\0') + "]. Consider sanitizing the input string column using \"REPLACE(\"agent_category\","
        + " U&'\\0000', '') AS agent_category\" or setting 'removeNullBytes' to true in the query context.");
    assertThat(status.path("errorMsg").asText()).startsWith("InvalidNullByte: Invalid null byte at source[");
    assertThat(server.metadataStore().segments().usedSegments("nb")).isEmpty();
  }

  @Test
  void reportsTheProjectedValueUnderItsOutputName() throws Exception {
    JsonNode status = run("INSERT INTO nb2 SELECT TIME_PARSE(\"timestamp\") AS __time,"
        + " UPPER(agent_category) AS category FROM " + nullByteExtern() + " PARTITIONED BY ALL", Map.of());

    assertThat(status.path("statusCode").asText()).isEqualTo("FAILED");
    JsonNode error = lastReport().at("/multiStageQuery/payload/status/errorReport/error");
    String raw = csvRows().stream().map(r -> r[1]).filter(v -> v.indexOf('\0') >= 0).findFirst().orElseThrow();
    assertThat(error.path("column").asText()).isEqualTo("category");
    assertThat(error.path("value").asText()).isEqualTo(raw.toUpperCase(java.util.Locale.ROOT));
  }

  @Test
  void ingestsWhenTheNullByteIsNotWrittenOrRemoved() throws Exception {
    List<String[]> rows = csvRows();
    // The NUL sits in a column the statement does not write.
    assertThat(run("INSERT INTO nb3 SELECT TIME_PARSE(\"timestamp\") AS __time, browser FROM " + nullByteExtern()
        + " PARTITIONED BY ALL", Map.of()).path("statusCode").asText()).isEqualTo("SUCCESS");
    // Cleaned by the expression Druid's message suggests.
    assertThat(run("INSERT INTO nb4 SELECT TIME_PARSE(\"timestamp\") AS __time,"
        + " REPLACE(agent_category, U&'\\0000', '') AS agent_category FROM " + nullByteExtern()
        + " PARTITIONED BY ALL", Map.of()).path("statusCode").asText()).isEqualTo("SUCCESS");
    // Stripped by the context option.
    assertThat(run("INSERT INTO nb5 SELECT TIME_PARSE(\"timestamp\") AS __time, agent_category FROM "
        + nullByteExtern() + " PARTITIONED BY ALL", Map.of("removeNullBytes", true)).path("statusCode").asText())
        .isEqualTo("SUCCESS");

    List<String> expected = rows.stream().map(r -> r[1].replace("\0", "")).sorted().toList();
    for (String table : List.of("nb4", "nb5")) {
      JsonNode read = api.sqlArray("SELECT agent_category FROM " + table + " ORDER BY agent_category");
      assertThat(read).hasSize(rows.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(read.get(i).get(0).asText()).as(table).isEqualTo(expected.get(i));
      }
    }
  }

  /** One inline JSON row with the given fields, declared as strings. */
  private static String inlineRow(String... names) {
    StringBuilder data = new StringBuilder("{");
    StringBuilder signature = new StringBuilder("[");
    for (int i = 0; i < names.length; i++) {
      data.append(i == 0 ? "" : ",").append("\\\"").append(names[i]).append("\\\":\\\"v").append(i).append("\\\"");
      signature.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names[i]).append("\",\"type\":\"string\"}");
    }
    return "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + data + "}\"}','{\"type\":\"json\"}','" + signature
        + "]'))";
  }

  @Test
  void refusesAnInputColumnNamedLikeAnMsqInternalColumn() throws Exception {
    for (String restricted : List.of("__bucket", "__boost")) {
      JsonNode status = run("INSERT INTO cr SELECT TIME_PARSE('2024-01-01') AS __time, a, " + restricted + " FROM "
          + inlineRow("a", restricted) + " PARTITIONED BY DAY", Map.of());
      assertThat(status.path("statusCode").asText()).isEqualTo("FAILED");
      assertThat(status.path("errorMsg").asText()).isEqualTo("ColumnNameRestricted: [" + restricted + "] column name is"
          + " reserved for MSQ's internal purpose. Please retry the query after renaming the column.");
      assertThat(lastReport().at("/multiStageQuery/payload/status/errorReport/error/columnName").asText())
          .isEqualTo(restricted);
    }
    assertThat(server.metadataStore().segments().usedSegments("cr")).isEmpty();
  }

  @Test
  void acceptsARestrictedNameAsAnOutputAliasAsRealDruidDoes() throws Exception {
    JsonNode status = run("INSERT INTO ca SELECT TIME_PARSE('2024-01-01') AS __time, a AS __bucket FROM "
        + inlineRow("a") + " PARTITIONED BY DAY", Map.of());
    assertThat(status.path("statusCode").asText()).as(status.toString()).isEqualTo("SUCCESS");
    assertThat(api.sqlArray("SELECT __bucket FROM ca").get(0).get(0).asText()).isEqualTo("v0");
  }

  @Test
  void failsARowThatCannotFitInOneFrame() throws Exception {
    int frame = 1_000_000;
    JsonNode status = run("INSERT INTO big SELECT TIME_PARSE('2024-01-01') AS __time, REPEAT(a, " + (frame / 2 + 1)
        + ") AS big FROM " + inlineRow("a") + " PARTITIONED BY DAY", Map.of());
    // "v0" repeated: two bytes each, so the value alone is larger than the frame.
    assertThat(status.path("statusCode").asText()).isEqualTo("FAILED");
    assertThat(status.path("errorMsg").asText())
        .isEqualTo("RowTooLarge: Encountered row that cannot fit in a single frame (max frame size = 1,000,000)");
    assertThat(lastReport().at("/multiStageQuery/payload/status/errorReport/error/maxFrameSize").asLong())
        .isEqualTo(frame);
    assertThat(server.metadataStore().segments().usedSegments("big")).isEmpty();

    // Druid 34's maxFrameSize moves the bound; a row well inside it ingests whole.
    assertThat(run("INSERT INTO small SELECT TIME_PARSE('2024-01-01') AS __time, REPEAT(a, 1000) AS big FROM "
        + inlineRow("a") + " PARTITIONED BY DAY", Map.of("maxFrameSize", 1500)).path("errorMsg").asText())
        .isEqualTo("RowTooLarge: Encountered row that cannot fit in a single frame (max frame size = 1,500)");
    assertThat(run("INSERT INTO fits SELECT TIME_PARSE('2024-01-01') AS __time, REPEAT(a, " + frame * 9 / 20
        + ") AS big FROM " + inlineRow("a") + " PARTITIONED BY DAY", Map.of()).path("statusCode").asText())
        .isEqualTo("SUCCESS");
    assertThat(api.sqlArray("SELECT LENGTH(big) FROM fits").get(0).get(0).asLong()).isEqualTo(2L * (frame * 9 / 20));
  }

  /**
   * A blank line of newline-delimited JSON is an unparseable row in Druid: its JsonLineReader hands every
   * line to Jackson, which finds no content in it (MSQWarningsTest over {@code unparseable.gz}: ten rows,
   * each followed by a blank line). The message is Druid's reader's, as for any line it cannot read.
   */
  @Test
  void countsBlankJsonLinesAsUnparseableRows() throws Exception {
    // Strict, Druid's default (testDefaultStrictMode): the first blank line, line 2, fails the task.
    JsonNode strict = run(SampleData.unparseableDailyCounts("bl0"), Map.of());
    assertThat(strict.path("errorMsg").asText()).isEqualTo("CannotParseExternalData: Unable to parse row [] (Path: "
        + SampleData.unparseableUri() + ", Record: 2, Line: 2)");
    assertThat(server.metadataStore().segments().usedSegments("bl0")).isEmpty();

    // Unlimited (testSuccessWhenNoLimitEnforced): the ten rows make one day of cnt 10, the blank lines warnings;
    // the report lists the first five, the record number counting the rows read before each.
    JsonNode lenient = run(SampleData.unparseableDailyCounts("bl1"), Map.of("maxParseExceptions", -1));
    assertThat(lenient.path("statusCode").asText()).as(lenient.toString()).isEqualTo("SUCCESS");
    JsonNode report = lastReport();
    assertThat(TaskApi.counterTotal(report, 0, "warnings", "CannotParseExternalData")).isEqualTo(10);
    assertThat(TaskApi.counterTotal(report, 0, "input0", "rows")).isEqualTo(10);
    JsonNode warnings = report.at("/multiStageQuery/payload/status/warnings");
    assertThat(warnings).hasSize(5);
    assertThat(warnings.get(4).at("/error/errorMessage").asText()).isEqualTo("Unable to parse row [] (Path: "
        + SampleData.unparseableUri() + ", Record: 6, Line: 10)");
    assertThat(api.sqlArray("SELECT __time, cnt FROM bl1").toString())
        .isEqualTo("[[\"2019-08-19T00:00:00.000Z\",10]]");

    // Ten are tolerated at a limit of ten (testSuccessWhenParseExceptionsOnLimit), not at nine: the blank line
    // that ends the file counts, its final newline adds none.
    assertThat(run(SampleData.unparseableDailyCounts("bl2"), Map.of("maxParseExceptions", 10))
        .path("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(run(SampleData.unparseableDailyCounts("bl3"), Map.of("maxParseExceptions", 9)).path("errorMsg")
        .asText()).isEqualTo("TooManyWarnings: Too many warnings of type CannotParseExternalData generated (max = 9)");

    // The SQL API's in-process executor reads the file the same way.
    String count = "SELECT COUNT(*) FROM " + SampleData.UNPARSEABLE_EXTERN;
    HttpResponse<String> tolerated = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query", count,
        "resultFormat", "array", "context", Map.of("maxParseExceptions", -1))));
    assertThat(tolerated.body()).isEqualTo("[[10]]\n");
    HttpResponse<String> refused = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query", count)));
    assertThat(refused.body()).contains("Unable to parse row [] (Path: " + SampleData.unparseableUri()
        + ", Record: 2, Line: 2)");
  }

  /**
   * A blank csv or tsv line is a row in Druid, every value null: an empty value is null (CsvInputFormat's
   * opencsv parser with {@code EMPTY_SEPARATORS}, DelimitedInputFormat's {@code splitToList}) and the reader
   * hands every line on; the data's final newline adds no line.
   */
  @Test
  void readsABlankCsvOrTsvLineAsARowOfNulls() throws Exception {
    Map<String, String> data = Map.of("csv", "a,1\\n\\nb,2\\n", "tsv", "a\\t1\\n\\nb\\t2\\n");
    for (String format : List.of("csv", "tsv")) {
      String extern = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + data.get(format) + "\"}',"
          + "'{\"type\":\"" + format + "\",\"columns\":[\"x\",\"n\"]}',"
          + "'[{\"name\":\"x\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"long\"}]'))";
      JsonNode status = run("INSERT INTO blank_" + format + " SELECT TIME_PARSE('2024-01-01') AS __time, x, n FROM "
          + extern + " PARTITIONED BY DAY", Map.of());
      assertThat(status.path("statusCode").asText()).as(status.toString()).isEqualTo("SUCCESS");
      assertThat(api.sqlArray("SELECT COUNT(*), COUNT(x), COUNT(n), SUM(n) FROM blank_" + format).toString())
          .as(format).isEqualTo("[[3,2,2,3]]");
      assertThat(api.sqlArray("SELECT COUNT(*) FROM " + extern).toString()).as(format).isEqualTo("[[3]]");
    }
  }

  private static JsonNode run(String sql, Map<String, Object> context) throws Exception {
    return api.run(sql, "in" + (++tasks), context);
  }

  private static JsonNode lastReport() throws Exception {
    return api.report("query-in" + tasks);
  }
}
