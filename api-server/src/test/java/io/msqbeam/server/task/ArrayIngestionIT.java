package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrays and multi-value strings at ingestion, end to end (§1.10): JSON arrays declared
 * {@code ARRAY<STRING|LONG|DOUBLE>} become Druid ARRAY columns under the default
 * {@code arrayIngestMode: array}; declared {@code string} they become multi-value strings, as do csv
 * values split by {@code listDelimiter}; {@code mvd} mode writes a VARCHAR ARRAY as a multi-value
 * string and refuses numeric arrays with Druid's message. Everything is read back with SQL and
 * compared with the input rows.
 */
class ArrayIngestionIT {
  /** Input rows; {@code n} orders them when read back. */
  private static final List<String> ROWS = List.of(
      "{\"n\":1,\"t\":\"2024-01-01\",\"tags\":[\"a\",\"b\"],\"nums\":[1,2,3],\"vals\":[1.5,null],\"mv\":[\"y\",\"x\"]}",
      "{\"n\":2,\"t\":\"2024-01-01\",\"tags\":[],\"nums\":null,\"vals\":[2.5],\"mv\":\"z\"}",
      "{\"n\":3,\"t\":\"2024-01-02\",\"tags\":[\"c\",null],\"nums\":[4],\"vals\":null,\"mv\":null}");

  @TempDir
  static Path dataDir;
  private static ServerComponents server;
  private static TaskApi api;

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

  private static String extern() {
    String data = String.join("\\n", ROWS).replace("\"", "\\\"");
    return "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + data + "\"}','{\"type\":\"json\"}',"
        + "'[{\"name\":\"n\",\"type\":\"long\"},{\"name\":\"t\",\"type\":\"string\"},"
        + "{\"name\":\"tags\",\"type\":\"ARRAY<STRING>\"},{\"name\":\"nums\",\"type\":\"ARRAY<LONG>\"},"
        + "{\"name\":\"vals\",\"type\":\"array<double>\"},{\"name\":\"mv\",\"type\":\"string\"}]'))";
  }

  private static List<JsonNode> input() throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String row : ROWS) {
      rows.add(TaskApi.JSON.readTree(row));
    }
    return rows;
  }

  /** A multi-value string as Druid stores it: values sorted; none is null, one is that value. */
  private static JsonNode multiValue(JsonNode value) {
    if (!value.isArray()) {
      return value;
    }
    List<String> values = new ArrayList<>();
    value.forEach(v -> values.add(v.asText()));
    values.sort(null);
    if (values.isEmpty()) {
      return TaskApi.JSON.nullNode();
    }
    if (values.size() == 1) {
      return TaskApi.JSON.getNodeFactory().textNode(values.get(0));
    }
    ArrayNode array = TaskApi.JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  private static JsonNode sql(String query, boolean stringifyArrays) throws Exception {
    HttpResponse<String> response = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query", query,
        "resultFormat", "array", "context", Map.of("sqlStringifyArrays", stringifyArrays))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TaskApi.JSON.readTree(response.body());
  }

  @Test
  void writesArrayColumnsAndMultiValueStringsAndReadsThemBack() throws Exception {
    api.runToSuccess("INSERT INTO arr SELECT TIME_PARSE(t) AS __time, n, tags, nums, vals, mv FROM "
        + extern() + " PARTITIONED BY DAY", "arrays", Map.of());

    List<JsonNode> input = input();
    JsonNode asArrays = sql("SELECT n, tags, nums, vals, mv FROM arr ORDER BY n", false);
    JsonNode asStrings = sql("SELECT n, tags, nums, vals, mv FROM arr ORDER BY n", true);
    assertThat(asArrays).hasSize(input.size());
    for (int i = 0; i < input.size(); i++) {
      JsonNode want = input.get(i);
      for (int c = 1; c <= 3; c++) {
        String column = List.of("tags", "nums", "vals").get(c - 1);
        JsonNode expected = want.path(column);
        assertThat(asArrays.get(i).get(c)).as("row %d %s", i, column)
            .isEqualTo(expected.isNull() ? TaskApi.JSON.nullNode() : expected);
        assertThat(asStrings.get(i).get(c).isNull() ? null : asStrings.get(i).get(c).asText()).as("row %d %s", i, column)
            .isEqualTo(expected.isNull() ? null : expected.toString());
      }
      // A multi-value string is a JSON string on the SQL API even with sqlStringifyArrays false.
      JsonNode mv = multiValue(want.path("mv"));
      assertThat(asArrays.get(i).get(4).isNull() ? null : asArrays.get(i).get(4).asText()).as("row %d mv", i)
          .isEqualTo(mv.isNull() ? null : mv.isArray() ? mv.toString() : mv.asText());
    }
  }

  @Test
  void splitsCsvValuesOnTheListDelimiter() throws Exception {
    String csv = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"2024-01-01,b|a,1|2\\n2024-01-01,c,3\"}',"
        + "'{\"type\":\"csv\",\"columns\":[\"t\",\"s\",\"l\"],\"listDelimiter\":\"|\"}',"
        + "'[{\"name\":\"t\",\"type\":\"string\"},{\"name\":\"s\",\"type\":\"string\"},"
        + "{\"name\":\"l\",\"type\":\"ARRAY<LONG>\"}]'))";
    api.runToSuccess("INSERT INTO csvarr SELECT TIME_PARSE(t) AS __time, s, l FROM " + csv
        + " PARTITIONED BY DAY", "csvarrays", Map.of());
    JsonNode rows = sql("SELECT s, l FROM csvarr ORDER BY s", false);
    assertThat(rows.toString()).isEqualTo("[[\"[\\\"a\\\",\\\"b\\\"]\",[1,2]],[\"c\",[3]]]");
  }

  @Test
  void mvdModeWritesStringArraysAsMultiValueStringsAndRefusesNumericArrays() throws Exception {
    api.runToSuccess("INSERT INTO mvd SELECT TIME_PARSE(t) AS __time, n, tags FROM " + extern()
        + " PARTITIONED BY DAY", "mvd1", Map.of("arrayIngestMode", "mvd"));
    List<JsonNode> input = input();
    JsonNode rows = sql("SELECT n, tags FROM mvd ORDER BY n", false);
    for (int i = 0; i < input.size(); i++) {
      JsonNode tags = input.get(i).path("tags");
      // mvd mode stores the array's values in their order, nulls included (multiValueHandling ARRAY).
      JsonNode got = rows.get(i).get(1);
      if (tags.isEmpty()) {
        assertThat(got.isNull()).as("row %d", i).isTrue();
      } else {
        assertThat(got.isNull() ? null : got.asText()).as("row %d", i).isEqualTo(tags.size() == 1
            ? tags.get(0).asText() : tags.toString());
      }
    }

    HttpResponse<String> refused = api.post("/druid/v2/sql/task", TaskApi.body("INSERT INTO mvd2 SELECT"
        + " TIME_PARSE(t) AS __time, nums FROM " + extern() + " PARTITIONED BY DAY", "mvd2",
        Map.of("arrayIngestMode", "mvd")));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(TaskApi.JSON.readTree(refused.body()).at("/error/errorMessage").asText()).isEqualTo(
        "Numeric arrays can only be ingested when 'arrayIngestMode' is set to 'array' in the MSQ query's context."
            + " Current value of the parameter [mvd]");
  }

}
