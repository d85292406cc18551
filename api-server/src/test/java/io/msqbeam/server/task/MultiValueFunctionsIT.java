package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Druid's multi-value string and array functions (§7.5) over its test table {@code foo}, ingested
 * from {@code foo-rows.json}, through both doors (the task engine on Beam, the SQL API in-process),
 * with the rows Druid's {@code CalciteMultiValueStringQueryTest} and {@code CalciteArraysQueryTest}
 * expect in SQL-compatible null mode (their {@code SUM(cnt)} is {@code COUNT(*)} here: every
 * {@code cnt} is 1).
 */
class MultiValueFunctionsIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static ServerComponents server;
  private static TaskApi api;

  @BeforeAll
  static void startAndIngest(@TempDir Path dataDir) throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
    api.runToSuccess("REPLACE INTO foo OVERWRITE ALL " + SampleData.FOO_SELECT + " PARTITIONED BY ALL",
        "ingest", Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void mvLength() throws Exception {
    // testMultiValueStringLength
    assertThat(bothDoors("SELECT dim1, MV_LENGTH(dim3), COUNT(*) FROM foo GROUP BY 1, 2")).isEqualTo(json(
        "[[\"\",2,1],[\"1\",1,1],[\"10.1\",2,1],[\"2\",1,1],[\"abc\",null,1],[\"def\",null,1]]"));
  }

  @Test
  void mvAppendAndPrependUnnestWhenGrouped() throws Exception {
    // testMultiValueStringAppend / testMultiValueStringPrepend
    String expected = "[[null,2],[\"\",1],[\"a\",1],[\"b\",2],[\"c\",1],[\"d\",1],[\"foo\",4]]";
    assertThat(bothDoors("SELECT MV_APPEND(dim3, 'foo'), COUNT(*) FROM foo GROUP BY 1")).isEqualTo(json(expected));
    assertThat(bothDoors("SELECT MV_PREPEND('foo', dim3), COUNT(*) FROM foo GROUP BY 1")).isEqualTo(json(expected));
  }

  @Test
  void mvToStringOfPrependAndAppend() throws Exception {
    // testMultiValueStringPrependAppend
    assertThat(bothDoors("SELECT MV_TO_STRING(MV_PREPEND('foo', dim3), ','), MV_TO_STRING(MV_APPEND(dim3, 'foo'),"
        + " ','), COUNT(*) FROM foo GROUP BY 1, 2")).isEqualTo(json("[[null,null,2],[\"foo,\",\",foo\",1],"
        + "[\"foo,a,b\",\"a,b,foo\",1],[\"foo,b,c\",\"b,c,foo\",1],[\"foo,d\",\"d,foo\",1]]"));
  }

  @Test
  void mvConcat() throws Exception {
    // testMultiValueStringConcat
    assertThat(bothDoors("SELECT MV_CONCAT(dim3, dim3), COUNT(*) FROM foo GROUP BY 1")).isEqualTo(json(
        "[[null,2],[\"\",2],[\"a\",2],[\"b\",4],[\"c\",2],[\"d\",2]]"));
  }

  @Test
  void mvContainsAndOverlapFilter() throws Exception {
    // testMultiValueStringContainsFilter / testMultiValueStringOverlapFilter
    assertThat(bothDoors("SELECT dim3 FROM foo WHERE MV_CONTAINS(dim3, ARRAY['a','b'])"))
        .isEqualTo(json("[[\"[\\\"a\\\",\\\"b\\\"]\"]]"));
    assertThat(bothDoors("SELECT dim3 FROM foo WHERE MV_OVERLAP(dim3, ARRAY['a','b'])"))
        .isEqualTo(json("[[\"[\\\"a\\\",\\\"b\\\"]\"],[\"[\\\"b\\\",\\\"c\\\"]\"]]"));
    // testMultiValueStringContainsArrayOfOneElement
    assertThat(bothDoors("SELECT dim3 FROM foo WHERE MV_CONTAINS(dim3, ARRAY['a'])"))
        .isEqualTo(json("[[\"[\\\"a\\\",\\\"b\\\"]\"]]"));
  }

  @Test
  void mvOffsetOrdinalAndTheirInverses() throws Exception {
    // testMultiValueStringOffset / Ordinal / OffsetOf / OrdinalOf
    assertThat(bothDoors("SELECT MV_OFFSET(dim3, 1), COUNT(*) FROM foo GROUP BY 1"))
        .isEqualTo(json("[[null,4],[\"b\",1],[\"c\",1]]"));
    assertThat(bothDoors("SELECT MV_ORDINAL(dim3, 2), COUNT(*) FROM foo GROUP BY 1"))
        .isEqualTo(json("[[null,4],[\"b\",1],[\"c\",1]]"));
    assertThat(bothDoors("SELECT MV_OFFSET_OF(dim3, 'b'), COUNT(*) FROM foo GROUP BY 1"))
        .isEqualTo(json("[[null,4],[0,1],[1,1]]"));
    assertThat(bothDoors("SELECT MV_ORDINAL_OF(dim3, 'b'), COUNT(*) FROM foo GROUP BY 1"))
        .isEqualTo(json("[[null,4],[1,1],[2,1]]"));
  }

  @Test
  void mvToStringAndBack() throws Exception {
    // testMultiValueStringToString
    assertThat(bothDoors("SELECT MV_TO_STRING(dim3, ','), COUNT(*) FROM foo GROUP BY 1")).isEqualTo(json(
        "[[null,2],[\"\",1],[\"a,b\",1],[\"b,c\",1],[\"d\",1]]"));
    // testMultiValueStringToStringToMultiValueString
    assertThat(bothDoors("SELECT STRING_TO_MV(CONCAT(MV_TO_STRING(dim3, ','), ',d'), ','), COUNT(*) FROM foo"
        + " WHERE MV_LENGTH(dim3) > 0 GROUP BY 1")).isEqualTo(json(
        "[[\"\",1],[\"a\",1],[\"b\",2],[\"c\",1],[\"d\",5]]"));
    // testSelectAndFilterByStringToMV
    assertThat(bothDoors("SELECT STRING_TO_MV(CONCAT(MV_TO_STRING(dim3, ','), ',d'), ',') FROM foo"
        + " WHERE MV_CONTAINS(STRING_TO_MV(CONCAT(MV_TO_STRING(dim3, ','), ',d'), ','), 'd')")).isEqualTo(json(
        "[[\"[\\\"\\\",\\\"d\\\"]\"],[\"[\\\"a\\\",\\\"b\\\",\\\"d\\\"]\"],"
        + "[\"[\\\"b\\\",\\\"c\\\",\\\"d\\\"]\"],[\"[\\\"d\\\",\\\"d\\\"]\"]]"));
  }

  @Test
  void mvFilterOnlyAndNone() throws Exception {
    // testMultiValueListFilter / testMultiValueListFilterDeny
    assertThat(bothDoors("SELECT MV_FILTER_ONLY(dim3, ARRAY['b']), COUNT(*) FROM foo GROUP BY 1"))
        .isEqualTo(json("[[null,4],[\"b\",2]]"));
    assertThat(bothDoors("SELECT MV_FILTER_NONE(dim3, ARRAY['b']), COUNT(*) FROM foo GROUP BY 1"))
        .isEqualTo(json("[[null,2],[\"\",1],[\"a\",1],[\"c\",1],[\"d\",1]]"));
  }

  @Test
  void mvSlice() throws Exception {
    // testMultiValueStringSlice
    assertThat(bothDoors("SELECT MV_SLICE(dim3, 1) FROM foo")).isEqualTo(json(
        "[[null],[null],[\"[]\"],[\"[]\"],[\"b\"],[\"c\"]]"));
  }

  @Test
  void arrayAppendGroupsWholeArrays() throws Exception {
    // CalciteArraysQueryTest#testArrayAppend, with sqlStringifyArrays false
    assertThat(bothDoors("SELECT ARRAY_APPEND(dim3, 'foo'), COUNT(*) FROM foo GROUP BY 1",
        Map.of("sqlStringifyArrays", false))).isEqualTo(json("[[null,2],[[\"\",\"foo\"],1],"
        + "[[\"a\",\"b\",\"foo\"],1],[[\"b\",\"c\",\"foo\"],1],[[\"d\",\"foo\"],1]]"));
  }

  @Test
  void arraySliceToStringAndBack() throws Exception {
    // Druid's sql-array-functions reference: ARRAY_SLICE from the 0-based start (inclusive) to the end
    // (exclusive), null when start is past the length; ARRAY_TO_STRING joins by the delimiter;
    // STRING_TO_ARRAY splits on it.
    assertThat(bothDoors("SELECT ARRAY_SLICE(ARRAY[1, 2, 3, 4], 1, 3), ARRAY_SLICE(ARRAY['a', 'b', 'c'], 1),"
        + " ARRAY_SLICE(ARRAY[1, 2], 3), ARRAY_TO_STRING(ARRAY['a', 'b', 'c'], '-'), STRING_TO_ARRAY('a,b,c', ',')",
        Map.of("sqlStringifyArrays", false)))
        .isEqualTo(json("[[[2,3],[\"b\",\"c\"],null,\"a-b-c\",[\"a\",\"b\",\"c\"]]]"));
    // CalciteArraysQueryTest#testArrayToString: a multi-value string joins like MV_TO_STRING.
    assertThat(bothDoors("SELECT ARRAY_TO_STRING(dim3, ','), COUNT(*) FROM foo GROUP BY 1")).isEqualTo(json(
        "[[null,2],[\"\",1],[\"a,b\",1],[\"b,c\",1],[\"d\",1]]"));
    // STRING_TO_ARRAY of each row's joined values gives its values back as an array.
    assertThat(bothDoors("SELECT dim1, STRING_TO_ARRAY(MV_TO_STRING(dim3, ','), ',') FROM foo WHERE MV_LENGTH(dim3) > 1",
        Map.of("sqlStringifyArrays", false)))
        .isEqualTo(json("[[\"\",[\"a\",\"b\"]],[\"10.1\",[\"b\",\"c\"]]]"));
  }

  @Test
  void writesFunctionResultsAtIngestion() throws Exception {
    // The same expressions over the external rows at ingestion store what the queries above read.
    api.runToSuccess("INSERT INTO foofn SELECT TIME_PARSE(t) AS __time, dim1,"
        + " MV_TO_STRING(dim3, ',') AS s, MV_APPEND(dim3, 'foo') AS mv, MV_LENGTH(dim3) AS n FROM "
        + SampleData.FOO_EXTERN + " PARTITIONED BY ALL", "fn" + IDS.incrementAndGet(), Map.of());
    assertThat(bothDoors("SELECT dim1, s, n FROM foofn")).isEqualTo(json("[[\"\",\"a,b\",2],[\"1\",\"\",1],"
        + "[\"10.1\",\"b,c\",2],[\"2\",\"d\",1],[\"abc\",null,null],[\"def\",null,null]]"));
    assertThat(bothDoors("SELECT mv, COUNT(*) FROM foofn GROUP BY 1"))
        .isEqualTo(bothDoors("SELECT MV_APPEND(dim3, 'foo'), COUNT(*) FROM foo GROUP BY 1"));
  }

  private static JsonNode bothDoors(String sql) throws Exception {
    return bothDoors(sql, Map.of());
  }

  /** The rows of {@code sql} from both doors, sorted, asserted equal to each other. */
  private static JsonNode bothDoors(String sql, Map<String, Object> context) throws Exception {
    TaskApi.DoorRows rows = api.bothDoors(sql, "fn" + IDS.incrementAndGet(), context, context);
    JsonNode sqlRows = sorted(rows.sql());
    // The report holds multi-value strings as JSON arrays (MSQ's raw values), the SQL API as JSON text.
    assertThat(stringified(sorted(rows.task()))).as("the task engine's rows").isEqualTo(stringified(sqlRows));
    return sqlRows;
  }

  /** Rows sorted by their columns' JSON text, nulls first, so either door's order compares. */
  private static JsonNode sorted(JsonNode rows) {
    List<JsonNode> list = new ArrayList<>();
    rows.forEach(list::add);
    Comparator<JsonNode> byText = (a, b) -> {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = Comparator.<String>nullsFirst(Comparator.naturalOrder()).compare(text(a.get(i)), text(b.get(i)));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    list.sort(byText);
    return TaskApi.JSON.valueToTree(list);
  }

  private static JsonNode stringified(JsonNode rows) {
    List<List<String>> out = new ArrayList<>();
    rows.forEach(row -> {
      List<String> values = new ArrayList<>();
      row.forEach(value -> values.add(value.isArray() ? value.toString() : text(value)));
      out.add(values);
    });
    return TaskApi.JSON.valueToTree(out);
  }

  private static String text(JsonNode value) {
    return value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
  }

  private static JsonNode json(String text) throws Exception {
    return TaskApi.JSON.readTree(text);
  }
}
