package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Druid's aggregate functions beyond COUNT/SUM/MIN/MAX through both doors over real HTTP (the task
 * engine's report and the SQL API, asserted equal), over Druid's six-row test table {@code foo}
 * ingested into {@code foo} with {@code numfoo}'s {@code l1} column (7, 325323, 0, then three nulls)
 * so that Druid's own queries run unchanged. Expected rows are those of Druid's tests, named at each.
 */
class AggregationsIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final String ROWS = String.join("\\n",
      "{\"t\":\"2000-01-01\",\"dim1\":\"\",\"dim2\":\"a\",\"m1\":1.0,\"cnt\":1,\"l1\":7}",
      "{\"t\":\"2000-01-02\",\"dim1\":\"10.1\",\"dim2\":null,\"m1\":2.0,\"cnt\":1,\"l1\":325323}",
      "{\"t\":\"2000-01-03\",\"dim1\":\"2\",\"dim2\":\"\",\"m1\":3.0,\"cnt\":1,\"l1\":0}",
      "{\"t\":\"2001-01-01\",\"dim1\":\"1\",\"dim2\":\"a\",\"m1\":4.0,\"cnt\":1}",
      "{\"t\":\"2001-01-02\",\"dim1\":\"def\",\"dim2\":\"abc\",\"m1\":5.0,\"cnt\":1}",
      "{\"t\":\"2001-01-03\",\"dim1\":\"abc\",\"m1\":6.0,\"cnt\":1}");
  private static final String FOO_EXTERN = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\""
      + ROWS.replace("\"", "\\\"") + "\"}','{\"type\":\"json\"}','[{\"name\":\"t\",\"type\":\"string\"},"
      + "{\"name\":\"dim1\",\"type\":\"string\"},{\"name\":\"dim2\",\"type\":\"string\"},"
      + "{\"name\":\"m1\",\"type\":\"float\"},{\"name\":\"cnt\",\"type\":\"long\"},{\"name\":\"l1\",\"type\":\"long\"}]'))";

  private static ServerComponents server;
  private static TaskApi api;

  @BeforeAll
  static void startAndIngest(@TempDir Path dataDir) throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
    api.runToSuccess("INSERT INTO foo SELECT TIME_PARSE(t) AS __time, dim1, dim2, m1, cnt, l1 FROM "
        + FOO_EXTERN + " PARTITIONED BY ALL", "ingestfoo", Map.of());
    // Druid's foo as its MSQ tests read it (foo-rows.json): dim3 multi-value [a,b] [b,c] [d] [''] [] and missing.
    api.runToSuccess("INSERT INTO mvfoo " + SampleData.FOO_SELECT + " PARTITIONED BY ALL", "ingestmvfoo", Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * The rows of {@code sql} from both doors, asserted equal to each other. The SQL API is asked for
   * arrays as JSON arrays ({@code sqlStringifyArrays: false}), as the report holds them.
   */
  private static JsonNode bothDoors(String sql) throws Exception {
    TaskApi.DoorRows rows = api.bothDoors(sql, "aggs" + IDS.incrementAndGet(), Map.of(),
        Map.of("sqlStringifyArrays", false));
    assertThat(rows.sql()).isEqualTo(rows.task());
    return rows.sql();
  }

  private static JsonNode json(String text) throws Exception {
    return TaskApi.JSON.readTree(text);
  }

  @Test
  void answersDruidsEarliestAggregatorsQuery() throws Exception {
    // CalciteQueryTest#testEarliestAggregators (over numfoo, whose first three rows have l1).
    assertThat(bothDoors("SELECT EARLIEST(cnt), EARLIEST(m1), EARLIEST(dim1, 10), EARLIEST(dim1, CAST(10 AS INTEGER)),"
        + " EARLIEST(cnt + 1), EARLIEST(m1 + 1), EARLIEST(dim1 || CAST(cnt AS VARCHAR), 10),"
        + " EARLIEST_BY(cnt, MILLIS_TO_TIMESTAMP(l1)), EARLIEST_BY(m1, MILLIS_TO_TIMESTAMP(l1)),"
        + " EARLIEST_BY(dim1, MILLIS_TO_TIMESTAMP(l1), 10), EARLIEST_BY(cnt + 1, MILLIS_TO_TIMESTAMP(l1)),"
        + " EARLIEST_BY(m1 + 1, MILLIS_TO_TIMESTAMP(l1)),"
        + " EARLIEST_BY(dim1 || CAST(cnt AS VARCHAR), MILLIS_TO_TIMESTAMP(l1), 10) FROM foo"))
        .isEqualTo(json("[[1,1.0,\"\",\"\",2,2.0,\"1\",1,3.0,\"2\",2,4.0,\"21\"]]"));
  }

  @Test
  void answersDruidsLatestAggregatorsQuery() throws Exception {
    // CalciteQueryTest#testLatestAggregators.
    assertThat(bothDoors("SELECT LATEST(cnt), LATEST(m1), LATEST(dim1, 10), LATEST(dim1, CAST(10 AS INTEGER)),"
        + " LATEST(cnt + 1), LATEST(m1 + 1), LATEST(dim1 || CAST(cnt AS VARCHAR), 10),"
        + " LATEST_BY(cnt, MILLIS_TO_TIMESTAMP(l1)), LATEST_BY(m1, MILLIS_TO_TIMESTAMP(l1)),"
        + " LATEST_BY(dim1, MILLIS_TO_TIMESTAMP(l1), 10), LATEST_BY(cnt + 1, MILLIS_TO_TIMESTAMP(l1)),"
        + " LATEST_BY(m1 + 1, MILLIS_TO_TIMESTAMP(l1)),"
        + " LATEST_BY(dim1 || CAST(cnt AS VARCHAR), MILLIS_TO_TIMESTAMP(l1), 10) FROM foo"))
        .isEqualTo(json("[[1,6.0,\"abc\",\"abc\",2,7.0,\"abc1\",1,2.0,\"10.1\",2,3.0,\"10.11\"]]"));
  }

  @Test
  void keepsTheNullOfTheLatestRowAndGroupsLatestValues() throws Exception {
    // CalciteQueryTest#testLatestAggregatorsNumericNull (l1 is null in the latest row) and
    // #testPrimitiveLatestInSubqueryGroupBy.
    assertThat(bothDoors("SELECT LATEST(l1) FROM foo")).isEqualTo(json("[[null]]"));
    assertThat(bothDoors("SELECT dim2, LATEST(m1) AS val1 FROM foo GROUP BY dim2"))
        .isEqualTo(json("[[null,6.0],[\"\",3.0],[\"a\",4.0],[\"abc\",5.0]]"));
  }

  @Test
  void answersDruidsAnyValueQuery() throws Exception {
    // CalciteQueryTest#testAnyAggregator (without m2, which this foo lacks).
    assertThat(bothDoors("SELECT ANY_VALUE(cnt), ANY_VALUE(m1), ANY_VALUE(dim1, 10), ANY_VALUE(cnt + 1),"
        + " ANY_VALUE(m1 + 1), ANY_VALUE(dim1 || CAST(cnt AS VARCHAR), 10) FROM foo"))
        .isEqualTo(json("[[1,1.0,\"\",2,2.0,\"1\"]]"));
  }

  @Test
  void collectsDistinctValuesSortedAsDruidsArrayAggAndStringAgg() throws Exception {
    // CalciteArraysQueryTest#testArrayAgg: the DISTINCT array is sorted, a filter matching nothing gives null;
    // STRING_AGG folds the same array and joins it.
    assertThat(bothDoors("SELECT ARRAY_AGG(DISTINCT dim1), ARRAY_AGG(DISTINCT dim1) FILTER (WHERE dim1 = 'shazbot'),"
        + " STRING_AGG(DISTINCT dim1, ','), STRING_AGG(DISTINCT dim1, ',') FILTER (WHERE dim1 = 'shazbot')"
        + " FROM foo WHERE dim1 IS NOT NULL"))
        .isEqualTo(json("[[[\"\",\"1\",\"10.1\",\"2\",\"abc\",\"def\"],null,\",1,10.1,2,abc,def\",null]]"));
  }

  @Test
  void concatenatesArraysWithTheirNullElements() throws Exception {
    // ARRAY_CONCAT_AGG per Druid's docs: null elements kept, DISTINCT sorted (dim2 is null in two rows).
    assertThat(bothDoors("SELECT ARRAY_CONCAT_AGG(DISTINCT ARRAY[dim1, dim2]) FROM foo"))
        .isEqualTo(json("[[[null,\"\",\"1\",\"10.1\",\"2\",\"a\",\"abc\",\"def\"]]]"));
  }

  @Test
  void readsMultiValueRowsAsDruidsStringAndArrayAggregatorsDo() throws Exception {
    // CalciteArraysQueryTest#testArrayAggMultiValue: each value of a row is collected, an empty row as null.
    assertThat(bothDoors("SELECT ARRAY_AGG(DISTINCT dim3), STRING_AGG(DISTINCT dim3, ',') FROM mvfoo"))
        .isEqualTo(json("[[[null,\"\",\"a\",\"b\",\"c\",\"d\"],\",a,b,c,d\"]]"));
    // Druid's StringAnyAggregator/StringFirstAggregator read a multi-value row as all its values in one
    // string, or as its first value with aggregateMultipleValues false; an empty row as null.
    assertThat(bothDoors("SELECT ANY_VALUE(dim3, 100, false), ANY_VALUE(dim3), EARLIEST(dim3) FROM mvfoo WHERE m1 < 3"))
        .isEqualTo(json("[[\"a\",\"[a, b]\",\"[a, b]\"]]"));
    assertThat(bothDoors("SELECT LATEST(dim3) FROM mvfoo WHERE m1 < 6")).isEqualTo(json("[[null]]"));
  }

  @Test
  void storesFinalizedEarliestAndLatestWhenAGroupByIngests() throws Exception {
    // druid-behaviour.md §1.9: without finalizeAggregations false, a GROUP BY ingestion writes finalized
    // values as ordinary columns. foo by year and dim2: 2000 holds rows 1-3, 2001 rows 4-6.
    api.runToSuccess("INSERT INTO foo_by_year SELECT FLOOR(__time TO YEAR) AS __time, dim2,"
        + " LATEST(m1) AS lm, EARLIEST(dim1) AS ed, ANY_VALUE(cnt) AS anycnt, STRING_AGG(DISTINCT dim1, '|') AS s"
        + " FROM foo GROUP BY 1, 2 PARTITIONED BY ALL", "ingestbyyear", Map.of());

    assertThat(bothDoors("SELECT TIME_EXTRACT(__time, 'YEAR') AS y, dim2, lm, ed, anycnt, s FROM foo_by_year"))
        .isEqualTo(json("[[2000,null,2.0,\"10.1\",1,\"10.1\"],[2000,\"\",3.0,\"2\",1,\"2\"],"
            + "[2000,\"a\",1.0,\"\",1,\"\"],[2001,null,6.0,\"abc\",1,\"abc\"],[2001,\"a\",4.0,\"1\",1,\"1\"],"
            + "[2001,\"abc\",5.0,\"def\",1,\"def\"]]"));
  }

  @Test
  void averagesAndFiltersAggregates() throws Exception {
    // foo's m1 is 1..6; dim2 is 'a' in two rows.
    assertThat(bothDoors("SELECT AVG(m1), COUNT(*) FILTER (WHERE dim2 = 'a'), SUM(cnt) FILTER (WHERE m1 > 4) FROM foo"))
        .isEqualTo(json("[[3.5,2,2]]"));
  }

  @Test
  void refusesLatestWithoutATimeColumnThroughBothDoorsAsDruidDoes() throws Exception {
    // druid-behaviour.md §1.12 / §10b: 400, errorCode general, category INVALID_INPUT, persona ADMIN.
    String sql = "SELECT LATEST(dim1) FROM " + FOO_EXTERN;
    String message = "LATEST and EARLIEST aggregators implicitly depend on the __time column, but the table queried"
        + " doesn't contain a __time column.  Please use LATEST_BY or EARLIEST_BY and specify the column explicitly.";

    HttpResponse<String> task = api.post("/druid/v2/sql/task", TaskApi.body(sql, "notime", Map.of()));
    assertThat(task.statusCode()).as(task.body()).isEqualTo(400);
    JsonNode taskError = json(task.body()).path("error");
    assertThat(taskError.path("errorCode").asText()).isEqualTo("general");
    assertThat(taskError.path("category").asText()).isEqualTo("INVALID_INPUT");
    assertThat(taskError.path("persona").asText()).isEqualTo("ADMIN");
    assertThat(taskError.path("errorMessage").asText()).contains(message);
    HttpResponse<String> query = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query", sql)));
    assertThat(query.statusCode()).as(query.body()).isEqualTo(400);
    assertThat(json(query.body()).path("errorMessage").asText()).contains(message);
  }

  @Test
  void failsAnArrayAggregationThatOutgrowsItsSizeThroughBothDoors() throws Exception {
    // Druid's ExpressionLambdaAggregator check: foo's six dim1 values need more than 20 bytes as ARRAY<STRING>.
    String sql = "SELECT ARRAY_AGG(dim1, 20) FROM foo";
    String message = "Exceeded memory usage when aggregating type [ARRAY<STRING>], size [";

    JsonNode status = api.run(sql, "toolarge", Map.of());
    assertThat(status.path("statusCode").asText()).isEqualTo("FAILED");
    assertThat(status.path("errorMsg").asText()).contains(message).contains("is larger than max [20]");
    HttpResponse<String> query = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query", sql)));
    assertThat(query.statusCode()).as(query.body()).isEqualTo(500);
    assertThat(json(query.body()).path("errorMessage").asText()).contains(message);
  }

  @Test
  void foldsTheNonNullValuesBitwiseAndIsNullOverNone() throws Exception {
    // Druid's CalciteQueryTest.testBitwiseAggregators over numfoo's l1 (7, 325323, 0 and three nulls).
    assertThat(bothDoors("SELECT BIT_AND(l1), BIT_OR(l1), BIT_XOR(l1) FROM foo"))
        .isEqualTo(json("[[0,325327,325324]]"));
    // dim2 'a': l1 7 and null; null dim2: 325323; '': 0; 'abc': null only.
    assertThat(bothDoors("SELECT dim2, BIT_OR(l1) AS o, BIT_XOR(l1) FILTER (WHERE m1 < 3) AS x FROM foo"
        + " GROUP BY dim2 ORDER BY dim2"))
        .isEqualTo(json("[[null,325323,325323],[\"\",0,null],[\"a\",7,7],[\"abc\",null,null]]"));
  }

  @Test
  void computesVariancesAndDeviationsAsDoubles() throws Exception {
    // Druid's stats extension types these DOUBLE; the expected values are Python's statistics module over
    // l1 (7, 325323, 0; the nulls ignored) and m1 (1 to 6): pvariance, variance, pstdev, stdev.
    JsonNode longs = bothDoors("SELECT VAR_POP(l1), VAR_SAMP(l1), VARIANCE(l1), STDDEV_POP(l1), STDDEV_SAMP(l1),"
        + " STDDEV(l1) FROM foo").get(0);
    double[] expectedLongs = {23518394914.88889, 35277592372.333336, 35277592372.333336, 153357.08302810433,
        187823.3009302449, 187823.3009302449};
    for (int i = 0; i < expectedLongs.length; i++) {
      assertThat(longs.get(i).isDouble()).as("column %d is a double: %s", i, longs).isTrue();
      assertThat(longs.get(i).asDouble()).isCloseTo(expectedLongs[i], org.assertj.core.data.Percentage.withPercentage(1e-9));
    }
    JsonNode floats = bothDoors("SELECT VAR_POP(m1), VAR_SAMP(m1), STDDEV_POP(m1), STDDEV_SAMP(m1) FROM foo").get(0);
    double[] expectedFloats = {2.9166666666666665, 3.5, 1.707825127659933, 1.8708286933869707};
    for (int i = 0; i < expectedFloats.length; i++) {
      assertThat(floats.get(i).asDouble()).isCloseTo(expectedFloats[i], org.assertj.core.data.Percentage.withPercentage(1e-9));
    }
    // Over no rows (SQL: null), and over one row the sample variance divides by zero rows: null too.
    assertThat(bothDoors("SELECT VAR_POP(l1), STDDEV_SAMP(l1) FROM foo WHERE dim1 = 'nope'")).isEqualTo(json("[[null,null]]"));
    assertThat(bothDoors("SELECT VAR_POP(l1), VAR_SAMP(l1) FROM foo WHERE l1 = 7")).isEqualTo(json("[[0.0,null]]"));
  }

  @Test
  void countsDistinctValuesByTheBuiltinNameToo() throws Exception {
    assertThat(bothDoors("SELECT APPROX_COUNT_DISTINCT_BUILTIN(dim2) FROM foo"))
        .isEqualTo(bothDoors("SELECT APPROX_COUNT_DISTINCT(dim2) FROM foo"));
    // Planned as Druid plans it: the cardinality (HyperLogLog) aggregator, not an exact count.
    api.runToSuccess("SELECT APPROX_COUNT_DISTINCT_BUILTIN(dim2) FROM foo", "builtin", Map.of());
    assertThat(api.report("query-builtin").at("/multiStageQuery/payload/stages/0/definition/processor/query/aggregations/0/type")
        .asText()).isEqualTo("cardinality");
  }
}
