package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.http.HttpResponse;
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
 * Query-time lookups end to end: configured through Druid's coordinator lookups API, then used by
 * LOOKUP and the {@code lookup} schema over Druid's test table {@code foo} through both doors. The
 * lookup is Druid's test lookup {@code lookyloo} (CalciteTests' map) and the expected rows are those of
 * Druid's CalciteLookupFunctionQueryTest and CalciteJoinQueryTest (their {@code SUM(cnt)} is
 * {@code COUNT(*)} here: every {@code cnt} is 1).
 */
class LookupsIT {
  static final String LOOKUPS = "/druid/coordinator/v1/lookups/config";
  static final String LOOKYLOO = "{\"version\":\"v1\",\"lookupExtractorFactory\":{\"type\":\"map\",\"map\":"
      + "{\"a\":\"xa\",\"abc\":\"xabc\",\"nosuchkey\":\"mysteryvalue\",\"6\":\"x6\"}}}";
  private static final AtomicInteger IDS = new AtomicInteger();
  private static ServerComponents server;
  private static TaskApi api;

  @BeforeAll
  static void startIngestAndConfigure(@TempDir Path dataDir) throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
    api.runToSuccess("REPLACE INTO foo OVERWRITE ALL " + SampleData.FOO_SELECT + " PARTITIONED BY ALL",
        "ingest", Map.of());
    configureLookyloo(api);
  }

  /** What a Druid user does: initialise the configuration with {@code {}}, then post the lookup. */
  static void configureLookyloo(TaskApi api) throws Exception {
    HttpResponse<String> init = api.post(LOOKUPS, "{}");
    assertThat(init.statusCode()).as(init.body()).isEqualTo(202);
    HttpResponse<String> post = api.post(LOOKUPS, "{\"__default\":{\"lookyloo\":" + LOOKYLOO + "}}");
    assertThat(post.statusCode()).as(post.body()).isEqualTo(202);
    assertThat(json(post.body())).isEqualTo(json("{\"__default\":{\"lookyloo\":" + LOOKYLOO + "}}"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void coordinatorApiListsAndReadsTheLookup() throws Exception {
    assertThat(json(api.get(LOOKUPS).body())).isEqualTo(json("[\"__default\"]"));
    assertThat(json(api.get(LOOKUPS + "/__default").body())).isEqualTo(json("[\"lookyloo\"]"));
    assertThat(json(api.get(LOOKUPS + "/__default?detailed=true").body()))
        .isEqualTo(json("{\"lookyloo\":" + LOOKYLOO + "}"));
    HttpResponse<String> one = api.get(LOOKUPS + "/__default/lookyloo");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one.body())).isEqualTo(json(LOOKYLOO));
  }

  @Test
  void coordinatorApiAnswersMissingTiersAndLookupsAsDruid() throws Exception {
    // LookupCoordinatorResource: 404 with {"error": …} for a missing lookup or tier.
    HttpResponse<String> lookup = api.get(LOOKUPS + "/__default/nope");
    assertThat(lookup.statusCode()).isEqualTo(404);
    assertThat(json(lookup.body())).isEqualTo(json("{\"error\":\"lookup [nope] not found\"}"));
    HttpResponse<String> tier = api.get(LOOKUPS + "/other");
    assertThat(tier.statusCode()).isEqualTo(404);
    assertThat(json(tier.body())).isEqualTo(json("{\"error\":\"Tier [other] not found\"}"));
    assertThat(api.delete(LOOKUPS + "/__default/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void updateNeedsANewerVersion() throws Exception {
    String v1 = "{\"version\":\"v1\",\"lookupExtractorFactory\":{\"type\":\"map\",\"map\":{\"k\":\"one\"}}}";
    assertThat(api.post(LOOKUPS + "/__default/versioned", v1).statusCode()).isEqualTo(202);
    // LookupCoordinatorManager refuses an update whose version does not sort after the stored one (500).
    HttpResponse<String> same = api.post(LOOKUPS + "/__default/versioned", v1.replace("one", "two"));
    assertThat(same.statusCode()).isEqualTo(500);
    assertThat(json(same.body()).path("error").asText()).isEqualTo("given update for lookup [__default]:[versioned]"
        + " can't replace existing spec [LookupExtractorFactoryContainer{version='v1', lookupExtractorFactory="
        + "{type=map, map={k=one}}}].");
    assertThat(api.sqlArray("SELECT DISTINCT LOOKUP('k', 'versioned') FROM foo")).isEqualTo(json("[[\"one\"]]"));

    HttpResponse<String> v2 = api.post(LOOKUPS + "/__default/versioned", v1.replace("one", "two").replace("v1", "v2"));
    assertThat(v2.statusCode()).as(v2.body()).isEqualTo(202);
    assertThat(api.sqlArray("SELECT DISTINCT LOOKUP('k', 'versioned') FROM foo")).isEqualTo(json("[[\"two\"]]"));

    assertThat(api.delete(LOOKUPS + "/__default/versioned").statusCode()).isEqualTo(202);
    assertThat(api.get(LOOKUPS + "/__default/versioned").statusCode()).isEqualTo(404);
    assertThat(json(api.get(LOOKUPS + "/__default").body())).isEqualTo(json("[\"lookyloo\"]"));
  }

  @Test
  void refusesLookupTypesOtherThanMap() throws Exception {
    HttpResponse<String> refused = api.post(LOOKUPS + "/__default/jdbc", "{\"version\":\"v1\","
        + "\"lookupExtractorFactory\":{\"type\":\"cachedNamespace\",\"extractionNamespace\":{\"type\":\"jdbc\"}}}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused.body())).isEqualTo(json("{\"error\":\"Lookup [__default]:[jdbc] has"
        + " lookupExtractorFactory type [cachedNamespace], but only type [map] is supported\"}"));
    assertThat(api.get(LOOKUPS + "/__default/jdbc").statusCode()).isEqualTo(404);
  }

  @Test
  void lookupInFilterAndGroupBy() throws Exception {
    // testFilterEquals, testFilterIsNull, testFilterInCoalesceSameColumn
    assertThat(bothDoors(filterSql("LOOKUP(dim1, 'lookyloo') = 'xabc'"))).isEqualTo(rows("[[\"xabc\",1]]"));
    assertThat(bothDoors(filterSql("LOOKUP(dim1, 'lookyloo') IS NULL"))).isEqualTo(rows("[[null,5]]"));
    assertThat(bothDoors(filterSql("COALESCE(LOOKUP(dim1, 'lookyloo'), dim1) IN ('xabc', '10.1')")))
        .isEqualTo(rows("[[null,1],[\"xabc\",1]]"));
  }

  @Test
  void missingKeysGiveTheReplacementValue() throws Exception {
    // testLookupReplaceMissingValueWith
    assertThat(bothDoors("SELECT LOOKUP(dim1, 'lookyloo', 'Missing_Value'),"
        + " COALESCE(LOOKUP(dim1, 'lookyloo'), 'Missing_Value'), LOOKUP(dim1, 'lookyloo', null) AS rmvNull, COUNT(*)"
        + " FROM foo GROUP BY 1, 2, 3"))
        .isEqualTo(rows("[[\"Missing_Value\",\"Missing_Value\",null,5],[\"xabc\",\"xabc\",\"xabc\",1]]"));
  }

  @Test
  void nullKeysGiveNullOrTheReplacementValue() throws Exception {
    // testLookupOnValueThatIsNull; with a replacement, docs sql-functions.md: "If expr is null or not contained
    // in the lookup, returns replaceMissingValueWith if supplied".
    assertThat(bothDoors("SELECT dim2, LOOKUP(dim2, 'lookyloo') FROM foo WHERE dim2 IS NULL"))
        .isEqualTo(rows("[[null,null],[null,null]]"));
    assertThat(bothDoors("SELECT dim2, LOOKUP(dim2, 'lookyloo', 'N/A') FROM foo WHERE dim2 IS NULL"))
        .isEqualTo(rows("[[null,\"N/A\"],[null,\"N/A\"]]"));
  }

  @Test
  void multiValueStringsAreLookedUpValueByValue() throws Exception {
    // Druid's rows of GROUP BY dim3 (testGroupByWithMultiValue: null 2, '' 1, a 1, b 2, c 1, d 1) mapped through
    // lookyloo value by value: only 'a' has a value.
    assertThat(bothDoors("SELECT LOOKUP(dim3, 'lookyloo'), COUNT(*) FROM foo GROUP BY 1"))
        .isEqualTo(rows("[[null,7],[\"xa\",1]]"));
  }

  @Test
  void countDistinctOfLookup() throws Exception {
    // testCountDistinctOfLookup
    assertThat(bothDoors("SELECT COUNT(DISTINCT LOOKUP(dim1, 'lookyloo')) FROM foo")).isEqualTo(rows("[[1]]"));
  }

  @Test
  void selectFromTheLookupSchema() throws Exception {
    // CalciteQueryTest#testSelectStarFromLookup's rows, ordered here.
    assertThat(bothDoors("SELECT * FROM lookup.lookyloo ORDER BY k")).isEqualTo(rows(
        "[[\"6\",\"x6\"],[\"a\",\"xa\"],[\"abc\",\"xabc\"],[\"nosuchkey\",\"mysteryvalue\"]]"));
    // CalciteQueryTest#testInformationSchemaTables: lookups are joinable, broadcast tables.
    assertThat(api.sqlArray("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, IS_JOINABLE, IS_BROADCAST"
        + " FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'lookup' AND TABLE_NAME = 'lookyloo'"))
        .isEqualTo(json("[[\"lookup\",\"lookyloo\",\"TABLE\",\"YES\",\"YES\"]]"));
  }

  @Test
  void joinsAgainstTheLookupSchema() throws Exception {
    // CalciteJoinQueryTest: foo LEFT JOIN lookyloo twice, and testInnerJoinTableLookupLookupWithFilterWithOuterLimit.
    assertThat(bothDoors("SELECT dim1, dim2, l1.v, l2.v FROM foo LEFT JOIN lookup.lookyloo l1 ON foo.dim1 = l1.k"
        + " LEFT JOIN lookup.lookyloo l2 ON foo.dim2 = l2.k")).isEqualTo(rows("[[\"\",\"a\",null,\"xa\"],"
        + "[\"1\",\"a\",null,\"xa\"],[\"10.1\",null,null,null],[\"2\",\"\",null,null],[\"abc\",null,\"xabc\",null],"
        + "[\"def\",\"abc\",null,\"xabc\"]]"));
    assertThat(bothDoors("SELECT dim1 FROM foo INNER JOIN lookup.lookyloo l ON foo.dim2 = l.k"
        + " INNER JOIN lookup.lookyloo l2 ON foo.dim2 = l2.k WHERE l.v = 'xa' LIMIT 100"))
        .isEqualTo(rows("[[\"\"],[\"1\"]]"));
  }

  @Test
  void insertWritesLookedUpValues() throws Exception {
    api.runToSuccess("INSERT INTO foo_lookup SELECT __time, dim1, LOOKUP(dim1, 'lookyloo', 'none') AS v FROM foo"
        + " PARTITIONED BY ALL", "insert" + IDS.incrementAndGet(), Map.of());
    assertThat(bothDoors("SELECT v, COUNT(*) FROM foo_lookup GROUP BY v"))
        .isEqualTo(rows("[[\"none\",5],[\"xabc\",1]]"));
  }

  @Test
  void flinkWorkersGetTheMapsInThePlan() throws Exception {
    // On the embedded Flink cluster the workers know no lookups: LOOKUP and the lookup table travel in the plan.
    Map<String, Object> flink = Map.of("runner", "flink", "maxNumTasks", 3);
    String id = "flink" + IDS.incrementAndGet();
    TaskApi.DoorRows rows = api.bothDoors("SELECT LOOKUP(dim1, 'lookyloo', 'Missing_Value') AS l, l2.v, COUNT(*)"
        + " FROM foo LEFT JOIN lookup.lookyloo l2 ON foo.dim2 = l2.k GROUP BY 1, 2", id, flink, Map.of());
    assertThat(api.report("query-" + id).at("/taskContext/payload/runner").asText()).isEqualTo("flink");
    // Grouped from the LEFT JOIN rows of joinsAgainstTheLookupSchema (Druid's): LOOKUP(dim1) maps only 'abc',
    // whose dim2 is null; l2.v is 'xa' for the two rows with dim2 'a' and 'xabc' for dim1 'def'.
    JsonNode expected = rows("[[\"Missing_Value\",\"xa\",2],[\"Missing_Value\",\"xabc\",1],"
        + "[\"Missing_Value\",null,2],[\"xabc\",null,1]]");
    assertThat(sorted(rows.task())).isEqualTo(expected);
    assertThat(sorted(rows.sql())).isEqualTo(expected);
  }

  @Test
  void unknownLookupFailsWithDruidsMessage() throws Exception {
    // RegisteredLookupExtractionFn's "Lookup [%s] not found"; Druid answers it with a 500.
    HttpResponse<String> response = api.post("/druid/v2/sql",
        "{\"query\":\"SELECT LOOKUP(dim1, 'nosuch') FROM foo\"}");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response.body()).path("errorMessage").asText()).isEqualTo("Lookup [nosuch] not found");
    HttpResponse<String> table = api.post("/druid/v2/sql", "{\"query\":\"SELECT * FROM lookup.nosuch\"}");
    assertThat(table.statusCode()).isEqualTo(400);
    assertThat(json(table.body()).path("errorMessage").asText()).contains("Object 'nosuch' not found within 'lookup'");
  }

  @Test
  void lookupsSurviveARestart(@TempDir Path otherDataDir) throws Exception {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(otherDataDir);
    try (ServerComponents first = ServerComponents.create(config)) {
      first.start();
      configureLookyloo(new TaskApi(first));
    }
    try (ServerComponents second = ServerComponents.create(config)) {
      second.start();
      TaskApi restarted = new TaskApi(second);
      assertThat(json(restarted.get(LOOKUPS + "/__default/lookyloo").body())).isEqualTo(json(LOOKYLOO));
      assertThat(restarted.sqlArray("SELECT k, v, LOOKUP(k, 'lookyloo') FROM lookup.lookyloo ORDER BY k"))
          .isEqualTo(json("[[\"6\",\"x6\",\"x6\"],[\"a\",\"xa\",\"xa\"],[\"abc\",\"xabc\",\"xabc\"],"
              + "[\"nosuchkey\",\"mysteryvalue\",\"mysteryvalue\"]]"));
    }
  }

  private static String filterSql(String condition) {
    // CalciteLookupFunctionQueryTest#buildFilterTestSql
    return "SELECT LOOKUP(dim1, 'lookyloo'), COUNT(*) FROM foo WHERE (" + condition
        + ") AND TIME_IN_INTERVAL(__time, '2000/3000') GROUP BY LOOKUP(dim1, 'lookyloo')";
  }

  /** The rows of {@code sql} from both doors, sorted, asserted equal to each other. */
  private static JsonNode bothDoors(String sql) throws Exception {
    TaskApi.DoorRows rows = api.bothDoors(sql, "lookup" + IDS.incrementAndGet(), Map.of(), Map.of());
    JsonNode sqlRows = sorted(rows.sql());
    assertThat(sorted(rows.task())).as("the task engine's rows").isEqualTo(sqlRows);
    return sqlRows;
  }

  private static JsonNode sorted(JsonNode rows) {
    List<JsonNode> list = new ArrayList<>();
    rows.forEach(list::add);
    list.sort(Comparator.comparing(JsonNode::toString));
    return TaskApi.JSON.valueToTree(list);
  }

  /** Expected rows, in the order {@link #bothDoors} sorts rows to. */
  private static JsonNode rows(String text) throws Exception {
    return sorted(json(text));
  }

  static JsonNode json(String text) throws Exception {
    return TaskApi.JSON.readTree(text);
  }
}
