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
 * SQL beyond one scan/aggregate chain through both doors over real HTTP: the task engine
 * ({@code POST /druid/v2/sql/task}, rows in the report's {@code payload.results}) and the SQL API
 * ({@code POST /druid/v2/sql}, in-process), over Druid's 20-row {@code wikipedia-sampled.json}
 * ingested into {@code w}. Expected rows are facts of that file: 11 channels, of which #en and #sh
 * have 4 rows and #es, #zh, #de 2; 10/4/6 rows in hours 00/01/02; the largest {@code added} values
 * 4150, 2560, 1986.
 */
class QueryShapesIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static ServerComponents server;
  private static TaskApi api;

  @BeforeAll
  static void startAndIngest(@TempDir Path dataDir) throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
    api.runToSuccess("INSERT INTO w " + SampleData.SAMPLED_SELECT + " PARTITIONED BY DAY", "ingest", Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The rows of {@code sql} from both doors, asserted equal to each other; returned as a JSON array of arrays. */
  private static JsonNode bothDoors(String sql) throws Exception {
    return bothDoors(sql, Map.of());
  }

  private static JsonNode bothDoors(String sql, Map<String, Object> context) throws Exception {
    TaskApi.DoorRows rows = api.bothDoors(sql, "shapes" + IDS.incrementAndGet(), context, context);
    assertThat(rows.sql()).isEqualTo(rows.task());
    return rows.sql();
  }

  private static JsonNode json(String text) throws Exception {
    return TaskApi.JSON.readTree(text);
  }

  @Test
  void countsTheGroupsOfAnInnerAggregation() throws Exception {
    assertThat(bothDoors("SELECT COUNT(*) AS n FROM (SELECT channel, COUNT(*) AS c FROM w GROUP BY channel)"
        + " WHERE c > 1")).isEqualTo(json("[[5]]"));
  }

  @Test
  void aggregatesTheGroupsOfACommonTableExpression() throws Exception {
    assertThat(bothDoors("WITH hours AS (SELECT TIME_FLOOR(__time, 'PT1H') AS h, COUNT(*) AS c FROM w GROUP BY 1)"
        + " SELECT MAX(c) AS most, MIN(c) AS least, COUNT(*) AS n FROM hours")).isEqualTo(json("[[10,4,3]]"));
  }

  @Test
  void aggregatesTheRowsOfALimitedSubquery() throws Exception {
    assertThat(bothDoors("SELECT SUM(added) AS s, COUNT(*) AS n FROM (SELECT added FROM w ORDER BY added DESC LIMIT 3)"))
        .isEqualTo(json("[[8696,3]]"));
  }

  @Test
  void ordersTheOuterGroupsOfAnInnerAggregation() throws Exception {
    assertThat(bothDoors("SELECT c, COUNT(*) AS channels FROM (SELECT channel, COUNT(*) AS c FROM w GROUP BY channel)"
        + " GROUP BY c ORDER BY c DESC")).isEqualTo(json("[[4,2],[2,3],[1,6]]"));
  }

  @Test
  void countsTheRowsOfAUnionOfTheTableWithItself() throws Exception {
    assertThat(bothDoors("SELECT COUNT(*) AS n FROM (SELECT channel FROM w UNION ALL SELECT channel FROM w"
        + " WHERE added > 1000)")).isEqualTo(json("[[24]]"));
  }

  @Test
  void joinsTheTableWithAnAggregateOfItselfByEitherAlgorithm() throws Exception {
    String sql = "SELECT COUNT(*) AS n FROM w INNER JOIN (SELECT channel, COUNT(*) AS c FROM w GROUP BY channel) s"
        + " ON w.channel = s.channel WHERE s.c > 1";
    assertThat(bothDoors(sql)).isEqualTo(json("[[14]]"));
    assertThat(bothDoors(sql, Map.of("sqlJoinAlgorithm", "sortMerge"))).isEqualTo(json("[[14]]"));
  }

  @Test
  void leftJoinsTheTableWithExternalRowsKeepingTheUnmatchedWithNulls() throws Exception {
    // Rows with added > 1000: #ceb (1 table row), #pt (1), #de (2), #zh (2) match; 14 table rows match nothing.
    assertThat(bothDoors("SELECT COUNT(*) AS n, COUNT(e.channel) AS matched FROM w LEFT JOIN"
        + " (SELECT channel FROM " + SampleData.SAMPLED_EXTERN + " WHERE added > 1000) e ON w.channel = e.channel"))
        .isEqualTo(json("[[20,6]]"));
  }

  @Test
  void refusesANonEqualityConditionOfALeftJoinThroughBothDoorsAsDruidDoes() throws Exception {
    String sql = "SELECT w.channel FROM w LEFT JOIN w AS v ON w.channel = v.channel AND w.added > v.added";
    String message = "Query could not be planned. A possible reason is [SQL requires a join with 'GREATER_THAN'"
        + " condition that is not supported.]";

    HttpResponse<String> task = api.post("/druid/v2/sql/task", TaskApi.body(sql, "nonequi", Map.of()));
    assertThat(task.statusCode()).isEqualTo(400);
    assertThat(json(task.body()).at("/error/errorCode").asText()).isEqualTo("general");
    assertThat(json(task.body()).at("/error/errorMessage").asText()).isEqualTo(message);
    HttpResponse<String> query = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query", sql)));
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(json(query.body()).path("errorMessage").asText()).isEqualTo(message);
  }

  @Test
  void countsDistinctValuesExactlyWhenAskedAsANestedGroupBy() throws Exception {
    assertThat(bothDoors("SELECT COUNT(DISTINCT channel) AS channels, COUNT(*) AS n FROM w",
        Map.of("useApproximateCountDistinct", false))).isEqualTo(json("[[11,20]]"));
  }

  @Test
  void numbersTheRowsOfEachChannelWithAWindowFunction() throws Exception {
    // 11 channels, so 11 first rows; #en and #sh have the most rows, 4.
    assertThat(bothDoors("SELECT SUM(CASE WHEN rn = 1 THEN 1 ELSE 0 END) AS firsts, MAX(rn) AS most FROM"
        + " (SELECT channel, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY added DESC) AS rn FROM w)"))
        .isEqualTo(json("[[11,4]]"));
  }

  @Test
  void failsWithTooManyRowsInAWindowPastMaxRowsMaterializedInWindow() throws Exception {
    // #en and #sh have 4 rows each: one partition too many for a bound of 3, none for a bound of 4.
    String sql = "SELECT channel, COUNT(*) OVER (PARTITION BY channel) AS n FROM w";
    String id = "window" + IDS.incrementAndGet();
    JsonNode status = api.run(sql, id, Map.of("maxRowsMaterializedInWindow", 3));
    // Druid's TooManyRowsInAWindowFault: its message template, fields numRows and maxRows.
    String message = "Too many rows in a window (requested = 4, max = 3).  Try creating a window with a higher"
        + " cardinality column or change the query shape. Or you can change the max using query context param"
        + " maxRowsMaterializedInWindow . Use it carefully as a higher value can lead to OutOfMemory errors. ";
    assertThat(status.path("statusCode").asText()).isEqualTo("FAILED");
    assertThat(status.path("errorMsg").asText()).isEqualTo("TooManyRowsInAWindow: " + message);
    JsonNode error = api.report("query-" + id).at("/multiStageQuery/payload/status/errorReport/error");
    assertThat(error).isEqualTo(json("{\"errorCode\":\"TooManyRowsInAWindow\",\"errorMessage\":"
        + TaskApi.JSON.writeValueAsString(message) + ",\"numRows\":4,\"maxRows\":3}"));

    assertThat(bothDoors("SELECT MAX(n) FROM (" + sql + ")", Map.of("maxRowsMaterializedInWindow", 4)))
        .isEqualTo(json("[[4]]"));
  }

  @Test
  void looksAtNeighbouringChannelsWithOffsetsFramesAndBuckets() throws Exception {
    // SUM(added) per channel, descending: #ceb 4150, #de 2924, #zh 2004, #pt 1926, #en 498, then 6 more (11 channels).
    // NTILE(3) of 11 rows: buckets of 4, 4, 3 (Druid's WindowPercentileProcessor); CUME_DIST k/11.
    assertThat(bothDoors("SELECT channel, SUM(added) AS s, LAG(channel) OVER (ORDER BY SUM(added) DESC) AS above,"
        + " SUM(SUM(added)) OVER (ORDER BY SUM(added) DESC ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS near,"
        + " NTILE(3) OVER (ORDER BY SUM(added) DESC) AS t, CUME_DIST() OVER (ORDER BY SUM(added) DESC) AS c"
        + " FROM w GROUP BY channel ORDER BY s DESC LIMIT 5")).isEqualTo(json("["
        + "[\"#ceb.wikipedia\",4150,null,7074,1,0.09090909090909091],"
        + "[\"#de.wikipedia\",2924,\"#ceb.wikipedia\",9078,1,0.18181818181818182],"
        + "[\"#zh.wikipedia\",2004,\"#de.wikipedia\",6854,1,0.2727272727272727],"
        + "[\"#pt.wikipedia\",1926,\"#zh.wikipedia\",4428,1,0.36363636363636365],"
        + "[\"#en.wikipedia\",498,\"#pt.wikipedia\",2694,2,0.45454545454545453]]"));
  }

  @Test
  void filtersByTheChannelsOfASubqueryWithInAndNotIn() throws Exception {
    // added > 1000 in #ceb (1 row in the table), #de (2), #pt (1), #zh (2): 6 of the 20 rows are in those channels.
    assertThat(bothDoors("SELECT COUNT(*) AS n FROM w WHERE channel IN (SELECT channel FROM w WHERE added > 1000)"))
        .isEqualTo(json("[[6]]"));
    assertThat(bothDoors("SELECT COUNT(*) AS n FROM w WHERE channel NOT IN (SELECT channel FROM w WHERE added > 1000)"))
        .isEqualTo(json("[[14]]"));
  }

  @Test
  void refusesWindowFramesAndNullOrdersDruidCannotRunThroughBothDoorsWithItsValidatorMessages() throws Exception {
    // Druid's DruidSqlValidator.validateWindow and validateCall: invalidInput with the node's position.
    Map<String, String> refusals = Map.of(
        "SELECT channel, SUM(added) OVER (ORDER BY added ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS s FROM w",
        "Query bounds with both lower and upper bounds as PRECEDING or FOLLOWING is not supported.",
        "SELECT channel, SUM(added) OVER (ORDER BY added RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM w",
        "The query contains a window frame which may return incorrect results. To disregard this warning, set"
            + " [windowingStrictValidation] to false in the query context.",
        "SELECT channel, NTILE(2) OVER (ORDER BY added ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS t FROM w",
        "Framing of NTILE is not supported.",
        "SELECT channel FROM w ORDER BY channel NULLS LAST",
        "ASCENDING ordering with NULLS LAST is not supported!",
        "SELECT channel, RANK() OVER (ORDER BY added DESC NULLS FIRST) AS r FROM w",
        "DESCENDING ordering with NULLS FIRST is not supported!");
    int n = 0;
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      String pattern = java.util.regex.Pattern.quote(refusal.getValue()) + " \\(line \\[1\\], column \\[\\d+\\]\\)";
      HttpResponse<String> task = api.post("/druid/v2/sql/task", TaskApi.body(refusal.getKey(), "frame" + n++, Map.of()));
      assertThat(task.statusCode()).as(task.body()).isEqualTo(400);
      assertThat(json(task.body()).at("/error/errorCode").asText()).isEqualTo("invalidInput");
      assertThat(json(task.body()).at("/error/errorMessage").asText()).matches(pattern);
      HttpResponse<String> query = api.post("/druid/v2/sql",
          TaskApi.JSON.writeValueAsString(Map.of("query", refusal.getKey())));
      assertThat(query.statusCode()).as(query.body()).isEqualTo(400);
      assertThat(json(query.body()).path("errorMessage").asText()).matches(pattern);
    }
  }

  @Test
  void refusesUnionWithoutAllThroughBothDoorsAsDruidDoes() throws Exception {
    // Druid's CalciteQueryTest#testUnionIsUnplannable.
    String sql = "SELECT channel FROM w UNION SELECT channel FROM w";
    String message = "Query could not be planned. A possible reason is [SQL requires 'UNION' but only 'UNION ALL'"
        + " is supported.]";

    HttpResponse<String> task = api.post("/druid/v2/sql/task", TaskApi.body(sql, "union", Map.of()));
    assertThat(task.statusCode()).isEqualTo(400);
    assertThat(json(task.body()).at("/error/errorMessage").asText()).isEqualTo(message);
    HttpResponse<String> query = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query", sql)));
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(json(query.body()).path("errorMessage").asText()).isEqualTo(message);
  }

  @Test
  void unnestsAnArrayOfEachRowsColumnsAndAnInlineArray() throws Exception {
    // Each of the 20 rows gives 'all' and its channel; #en and #sh have 4 rows each.
    assertThat(bothDoors("SELECT x, COUNT(*) AS c FROM w CROSS JOIN UNNEST(ARRAY[channel, 'all']) AS t(x)"
        + " GROUP BY x ORDER BY c DESC, x LIMIT 3"))
        .isEqualTo(json("[[\"all\",20],[\"#en.wikipedia\",4],[\"#sh.wikipedia\",4]]"));
    assertThat(bothDoors("SELECT SUM(x) AS s, COUNT(*) AS n, COUNT(x) AS nonNull FROM UNNEST(ARRAY[1, 2, NULL, 4]) AS t(x)"))
        .isEqualTo(json("[[7,4,3]]"));
  }

  @Test
  void addsTheGrandTotalOfARollupWithGrouping() throws Exception {
    // 20 rows in all; #en and #sh have the most rows, 4 each.
    assertThat(bothDoors("SELECT channel, COUNT(*) AS c, GROUPING(channel) AS g FROM w GROUP BY ROLLUP(channel)"
        + " ORDER BY c DESC, channel LIMIT 3"))
        .isEqualTo(json("[[null,20,1],[\"#en.wikipedia\",4,0],[\"#sh.wikipedia\",4,0]]"));
  }

  @Test
  void floorsToDaysOfTheSqlTimeZone() throws Exception {
    // The 20 rows are 2016-06-27 00:00-02:59Z, which is 2016-06-26 17:00-19:59 in Los Angeles (UTC-7 in June):
    // their LA day starts at 2016-06-26T07:00Z; in UTC it would start at 2016-06-27T00:00Z.
    assertThat(bothDoors("SELECT TIMESTAMP_TO_MILLIS(TIME_FLOOR(__time, 'P1D')) AS d, COUNT(*) AS n FROM w GROUP BY 1",
        Map.of("sqlTimeZone", "America/Los_Angeles"))).isEqualTo(json("[[1466924400000,20]]"));
    assertThat(bothDoors("SELECT TIMESTAMP_TO_MILLIS(TIME_FLOOR(__time, 'P1D')) AS d, COUNT(*) AS n FROM w GROUP BY 1"))
        .isEqualTo(json("[[1466985600000,20]]"));
  }

  @Test
  void selectsExpressionsWithoutFromAsOneRowNamedAsDruidNamesThem() throws Exception {
    assertThat(bothDoors("SELECT 1 + 1, 'a' || 'b' AS s, UPPER('x') AS u,"
        + " TIMESTAMP_TO_MILLIS(TIMESTAMP '2000-01-01 00:00:00') AS t")).isEqualTo(json("[[2,\"ab\",\"X\",946684800000]]"));
    // Calcite's name for an unnamed expression, as Druid answers it.
    assertThat(api.sql("SELECT 1 + 1", "object")).isEqualTo("[{\"EXPR$0\":2}]\n");
  }

  @Test
  void joinsTheTableWithAValuesList() throws Exception {
    // #en has 4 rows, #de 2; #xx none.
    assertThat(bothDoors("SELECT v.label, COUNT(*) AS n FROM w INNER JOIN (VALUES ('#en.wikipedia', 'English'),"
        + " ('#de.wikipedia', 'German'), ('#xx', 'none')) AS v(channel, label) ON w.channel = v.channel"
        + " GROUP BY v.label ORDER BY v.label")).isEqualTo(json("[[\"English\",4],[\"German\",2]]"));
    assertThat(bothDoors("SELECT SUM(n) AS s, COUNT(n) AS c, STRING_AGG(name, '|') AS names"
        + " FROM (VALUES (1, 'a'), (2, 'bb'), (NULL, 'c')) AS v(n, name)")).isEqualTo(json("[[3,2,\"a|bb|c\"]]"));
  }

  @Test
  void ingestsTheRowsOfAValuesList() throws Exception {
    api.runToSuccess("INSERT INTO vals SELECT TIME_PARSE(t) AS __time, dim, n FROM (VALUES"
        + " ('2000-01-01T01:00:00Z', 'a', 1), ('2000-01-02T02:00:00Z', 'b', 2), ('2000-01-02T03:00:00Z', 'c', 3))"
        + " AS v(t, dim, n) PARTITIONED BY DAY", "values-insert", Map.of());

    assertThat(api.sqlArray("SELECT TIMESTAMP_TO_MILLIS(__time) AS t, dim, n FROM vals ORDER BY __time"))
        .isEqualTo(json("[[946688400000,\"a\",1],[946778400000,\"b\",2],[946782000000,\"c\",3]]"));
    assertThat(api.sqlArray("SELECT COUNT(*) FROM sys.segments WHERE datasource = 'vals'")).isEqualTo(json("[[2]]"));
  }
}
