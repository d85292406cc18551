package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Druid's IP address and JSON functions (§7.3) over an ingested table, through both doors (the task engine's
 * report and the SQL API). Expected values follow Druid's sql-functions reference: IPV4_PARSE is the
 * address as an unsigned 32-bit number (192.168.0.1 = 192·2^24 + 168·2^16 + 1 = 3232235521), null
 * when the input is no IPv4 address; IPV4_STRINGIFY is its inverse; IPV4_MATCH is false for such
 * input (Druid's IPv4AddressMatchExprMacro matches nothing for null or unparseable addresses).
 */
class IpAndJsonFunctionsIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final String ROWS = "{\\\"ip\\\":\\\"192.168.0.1\\\",\\\"n\\\":3232235521}\\n"
      + "{\\\"ip\\\":\\\"10.0.0.1\\\",\\\"n\\\":167772161}\\n"
      + "{\\\"ip\\\":\\\"not-an-ip\\\",\\\"n\\\":-1}\\n"
      + "{\\\"n\\\":3221225984}";
  private static ServerComponents server;
  private static TaskApi api;

  @BeforeAll
  static void startAndIngest(@TempDir Path dataDir) throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
    api.runToSuccess("REPLACE INTO ips OVERWRITE ALL SELECT ip, n FROM TABLE(EXTERN("
        + "'{\"type\":\"inline\",\"data\":\"" + ROWS + "\"}','{\"type\":\"json\"}',"
        + "'[{\"name\":\"ip\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"long\"}]')) PARTITIONED BY ALL",
        "ingest", Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void ipv4ParseStringifyAndMatchPerRow() throws Exception {
    assertThat(bothDoors("SELECT ip, IPV4_PARSE(ip), IPV4_STRINGIFY(n), IPV4_MATCH(ip, '192.168.0.0/16'),"
        + " IPV4_MATCH(n, '192.0.2.0/24') FROM ips ORDER BY n")).isEqualTo(json("["
        + "[\"not-an-ip\",null,null,false,false],"
        + "[\"10.0.0.1\",167772161,\"10.0.0.1\",false,false],"
        + "[null,null,\"192.0.2.0\",false,true],"
        + "[\"192.168.0.1\",3232235521,\"192.168.0.1\",true,false]]"));
  }

  @Test
  void ipv4MatchFilters() throws Exception {
    assertThat(bothDoors("SELECT ip FROM ips WHERE IPV4_MATCH(ip, '10.0.0.0/8') OR IPV4_MATCH(n, '192.0.2.0/24')"
        + " ORDER BY n")).isEqualTo(json("[[\"10.0.0.1\"],[null]]"));
  }

  @Test
  void ipv6MatchOnLiterals() throws Exception {
    // Druid's sql-functions reference: IPV6_MATCH('75e9:efa4:29c6:85f6::232c', '75e9:efa4:29c6:85f6::/64') is true.
    assertThat(bothDoors("SELECT IPV6_MATCH('75e9:efa4:29c6:85f6::232c', '75e9:efa4:29c6:85f6::/64'),"
        + " IPV6_MATCH('75e9:efa4:29c6:85f7::232c', '75e9:efa4:29c6:85f6::/64'), IPV6_MATCH(ip, '::/0')"
        + " FROM ips WHERE n = 167772161")).isEqualTo(json("[[true,false,false]]"));
  }

  @Test
  void jsonFunctionsOverParsedStrings() throws Exception {
    // Druid's sql-json-functions reference: JSON_VALUE reads the literal at a path, as VARCHAR unless
    // RETURNING says otherwise; PARSE_JSON of null is null; TO_JSON_STRING writes the value as JSON text.
    String parsed = "PARSE_JSON(CONCAT('{\"ip\":\"', ip, '\",\"n\":', CAST(n AS VARCHAR), '}'))";
    assertThat(bothDoors("SELECT n, JSON_VALUE(" + parsed + ", '$.n' RETURNING BIGINT), JSON_VALUE(" + parsed
        + ", '$.ip'), TO_JSON_STRING(PARSE_JSON('{\"x\":[1,2]}')) FROM ips ORDER BY n")).isEqualTo(json("["
        + "[-1,-1,\"not-an-ip\",\"{\\\"x\\\":[1,2]}\"],"
        + "[167772161,167772161,\"10.0.0.1\",\"{\\\"x\\\":[1,2]}\"],"
        + "[3221225984,null,null,\"{\\\"x\\\":[1,2]}\"],"
        + "[3232235521,3232235521,\"192.168.0.1\",\"{\\\"x\\\":[1,2]}\"]]"));
  }

  @Test
  void mergesJsonKeepingTheRightmostValueOfAKey() throws Exception {
    // Druid's sql-json-functions reference: JSON_MERGE takes JSON strings or values; the rightmost value wins.
    assertThat(bothDoors("SELECT TO_JSON_STRING(JSON_MERGE('{\"a\":1,\"b\":\"x\"}', PARSE_JSON('{\"b\":2,\"c\":[1]}'),"
        + " '{\"d\":null}')) FROM ips WHERE n = 167772161"))
        .isEqualTo(json("[[\"{\\\"a\\\":1,\\\"b\\\":2,\\\"c\\\":[1],\\\"d\\\":null}\"]]"));
  }

  @Test
  void decodesBase64AsUtf8() throws Exception {
    // 'w6lsw6h2ZSDimIM=' is Python's base64 of the UTF-8 bytes of 'élève ☃'; a null input decodes to null.
    assertThat(bothDoors("SELECT n, DECODE_BASE64_UTF8('w6lsw6h2ZSDimIM='), DECODE_BASE64_UTF8(ip) FROM ips"
        + " WHERE ip IS NULL")).isEqualTo(json("[[3221225984,\"élève ☃\",null]]"));
  }

  @Test
  void queriesJsonArraysAsArraysOfJsonValues() throws Exception {
    // Druid's sql-json-functions reference: JSON_QUERY_ARRAY gives the array at the path as ARRAY<COMPLEX<json>>,
    // a scalar as an array of one. An object gives null: the reference says an array of one, but Druid's
    // JsonQueryArrayExpr (which runs here) casts it with ExprEval.asArray, which has no array for it.
    String items = "PARSE_JSON('{\"items\":[{\"a\":1},{\"a\":2,\"b\":[3]}],\"one\":5,\"obj\":{\"a\":5}}')";
    assertThat(bothDoors("SELECT TO_JSON_STRING(JSON_QUERY_ARRAY(" + items + ", '$.items')),"
        + " TO_JSON_STRING(JSON_QUERY_ARRAY(" + items + ", '$.one')),"
        + " TO_JSON_STRING(JSON_QUERY_ARRAY(" + items + ", '$.obj')) FROM ips WHERE n = -1"))
        .isEqualTo(json("[[\"[{\\\"a\\\":1},{\\\"a\\\":2,\\\"b\\\":[3]}]\",\"[5]\",null]]"));
    // Its elements unnested are JSON values again.
    assertThat(bothDoors("SELECT JSON_VALUE(item, '$.a' RETURNING BIGINT) AS a FROM UNNEST(JSON_QUERY_ARRAY("
        + items + ", '$.items')) AS t(item)")).isEqualTo(json("[[1],[2]]"));
    // Per row of a table: each address in an array of one object, unnested and read back.
    assertThat(bothDoors("SELECT JSON_VALUE(item, '$.ip') AS ip FROM ips CROSS JOIN UNNEST(JSON_QUERY_ARRAY("
        + "PARSE_JSON(CONCAT('[{\"ip\":\"', ip, '\"}]')), '$')) AS t(item) WHERE ip IS NOT NULL ORDER BY 1"))
        .isEqualTo(json("[[\"10.0.0.1\"],[\"192.168.0.1\"],[\"not-an-ip\"]]"));
    // Selected as it is: the SQL API writes the array as JSON text (sqlStringifyArrays), the report as an array.
    assertThat(api.sql("SELECT JSON_QUERY_ARRAY(" + items + ", '$.items') AS arr", "array"))
        .isEqualTo("[[\"[{\\\"a\\\":1},{\\\"a\\\":2,\\\"b\\\":[3]}]\"]]\n");
  }

  @Test
  void refusesToWriteAJsonArrayColumn() throws Exception {
    HttpResponse<String> response = api.post("/druid/v2/sql/task", TaskApi.body("INSERT INTO arr SELECT"
        + " JSON_QUERY_ARRAY(PARSE_JSON('[1]'), '$') AS a FROM ips PARTITIONED BY ALL", "arr", Map.of()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(TaskApi.JSON.readTree(response.body()).at("/error/errorMessage").asText())
        .startsWith("Column [a] of type [ARRAY<COMPLEX<json>>] cannot be written to a segment yet");
  }

  /** The rows of {@code sql} from the SQL API, asserted equal to the task report's. */
  private static JsonNode bothDoors(String sql) throws Exception {
    TaskApi.DoorRows rows = api.bothDoors(sql, "ip" + IDS.incrementAndGet(), Map.of(), Map.of());
    // The report holds MSQ's raw values, where a BOOLEAN is its native LONG 1 or 0; the SQL API writes true/false.
    assertThat(rows.task().toString()).as("the task engine's rows").isEqualTo(booleansAsLongs(rows.sql()).toString());
    return rows.sql();
  }

  private static JsonNode booleansAsLongs(JsonNode rows) {
    List<List<Object>> out = new ArrayList<>();
    rows.forEach(row -> {
      List<Object> values = new ArrayList<>();
      row.forEach(value -> values.add(value.isBoolean() ? (Object) (value.asBoolean() ? 1L : 0L) : value));
      out.add(values);
    });
    return TaskApi.JSON.valueToTree(out);
  }

  private static JsonNode json(String text) throws Exception {
    return TaskApi.JSON.readTree(text);
  }
}
