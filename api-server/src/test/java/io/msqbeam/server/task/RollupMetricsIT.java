package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.pipelines.segment.DruidRuntime;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import io.msqbeam.server.metadata.SegmentRecord;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.druid.hll.HyperLogLogCollector;
import org.apache.druid.query.aggregation.AggregatorFactory;
import org.apache.druid.query.aggregation.LongSumAggregatorFactory;
import org.apache.druid.query.aggregation.any.DoubleAnyAggregatorFactory;
import org.apache.druid.query.aggregation.any.FloatAnyAggregatorFactory;
import org.apache.druid.query.aggregation.any.LongAnyAggregatorFactory;
import org.apache.druid.query.aggregation.cardinality.CardinalityAggregator;
import org.apache.druid.query.aggregation.firstlast.first.DoubleFirstAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.first.FloatFirstAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.first.LongFirstAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.first.StringFirstAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.last.DoubleLastAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.last.FloatLastAggregatorFactory;
import org.apache.druid.query.aggregation.firstlast.last.StringLastAggregatorFactory;
import org.apache.druid.query.aggregation.hyperloglog.HyperUniquesAggregatorFactory;
import org.apache.druid.segment.IndexIO;
import org.apache.druid.segment.QueryableIndex;
import org.apache.druid.segment.column.ColumnConfig;
import org.apache.druid.utils.CompressionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollup metrics beyond sums (Druid §1.9) end to end over real HTTP: a GROUP BY ingestion with
 * {@code finalizeAggregations: false} and {@code groupByEnableMultiValueUnnesting: false} stores
 * EARLIEST/LATEST(_BY) as Druid's first/last pair metrics and APPROX_COUNT_DISTINCT / COUNT(DISTINCT)
 * as {@code hyperUnique} sketches; the segments are read back with Druid's {@link IndexIO} (metadata,
 * column types) and queried through both doors, whose answers must be Druid's over the rows the
 * metrics summarise. Without those context keys the same statements store finalized values.
 *
 * <p>The data is Druid's six-row test table {@code foo} ({@code foo-rows.json}; {@code m2} equals
 * {@code m1} there, {@code cnt} is 1 in every row).
 */
class RollupMetricsIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final Map<String, Object> ROLLUP =
      Map.of("finalizeAggregations", false, "groupByEnableMultiValueUnnesting", false);
  private static final String ROWS = String.join("\\n",
      "{\"t\":\"2000-01-01\",\"dim1\":\"\",\"dim2\":\"a\",\"m1\":1.0,\"m2\":1.0,\"cnt\":1}",
      "{\"t\":\"2000-01-02\",\"dim1\":\"10.1\",\"dim2\":null,\"m1\":2.0,\"m2\":2.0,\"cnt\":1}",
      "{\"t\":\"2000-01-03\",\"dim1\":\"2\",\"dim2\":\"\",\"m1\":3.0,\"m2\":3.0,\"cnt\":1}",
      "{\"t\":\"2001-01-01\",\"dim1\":\"1\",\"dim2\":\"a\",\"m1\":4.0,\"m2\":4.0,\"cnt\":1}",
      "{\"t\":\"2001-01-02\",\"dim1\":\"def\",\"dim2\":\"abc\",\"m1\":5.0,\"m2\":5.0,\"cnt\":1}",
      "{\"t\":\"2001-01-03\",\"dim1\":\"abc\",\"m1\":6.0,\"m2\":6.0,\"cnt\":1}");
  private static final String FOO_EXTERN = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\""
      + ROWS.replace("\"", "\\\"") + "\"}','{\"type\":\"json\"}','[{\"name\":\"t\",\"type\":\"string\"},"
      + "{\"name\":\"dim1\",\"type\":\"string\"},{\"name\":\"dim2\",\"type\":\"string\"},"
      + "{\"name\":\"m1\",\"type\":\"float\"},{\"name\":\"m2\",\"type\":\"double\"},"
      + "{\"name\":\"cnt\",\"type\":\"long\"}]'))";

  /**
   * One row per dim2 at one constant time: re-aggregating the stored pairs must then follow the
   * pairs' own times, since {@code __time} ties everywhere.
   */
  private static final String BY_DIM2 = "SELECT TIMESTAMP '2000-01-01 00:00:00' AS __time, dim2,"
      + " COUNT(*) AS \"count\", SUM(cnt) AS sum_cnt, EARLIEST(cnt) AS ecnt, EARLIEST(m1) AS em1, LATEST(m1) AS lm1,"
      + " EARLIEST_BY(m2, __time) AS em2, LATEST_BY(m2, __time) AS lm2, EARLIEST(dim1) AS ed1,"
      + " LATEST_BY(dim1, __time) AS ld1, APPROX_COUNT_DISTINCT(dim1) AS uniq FROM foo GROUP BY 1, 2";
  /**
   * The aggregators of {@link #BY_DIM2}'s rollup segment, as Druid's SegmentGenerationUtils stores them
   * (each aggregator's combining factory under its output name) and IndexMergerV9 lists them (by name).
   */
  private static final AggregatorFactory[] BY_DIM2_METRICS = {
      new LongSumAggregatorFactory("count", "count"),
      new LongFirstAggregatorFactory("ecnt", "ecnt", "__time"),
      new StringFirstAggregatorFactory("ed1", "ed1", "__time", 1024),
      new FloatFirstAggregatorFactory("em1", "em1", "__time"),
      new DoubleFirstAggregatorFactory("em2", "em2", "__time"),
      new StringLastAggregatorFactory("ld1", "ld1", "__time", 1024),
      new FloatLastAggregatorFactory("lm1", "lm1", "__time"),
      new DoubleLastAggregatorFactory("lm2", "lm2", "__time"),
      new LongSumAggregatorFactory("sum_cnt", "sum_cnt"),
      new HyperUniquesAggregatorFactory("uniq", "uniq", false, true)};

  /**
   * Per dim2 (null, '', a, abc), from foo's rows: 2&6, 3, 1&4, 5; {@code %s} is EARLIEST(dim1) of 'a',
   * row 1's empty string.
   */
  private static final String EXPECTED_BY_DIM2 = "[[null,1,2.0,6.0,2.0,6.0,\"10.1\",\"abc\",2,2,2],"
      + "[\"\",1,3.0,3.0,3.0,3.0,\"2\",\"2\",1,1,1],"
      + "[\"a\",1,1.0,4.0,1.0,4.0,%s,\"1\",2,2,2],"
      + "[\"abc\",1,5.0,5.0,5.0,5.0,\"def\",\"def\",1,1,1]]";

  private static ServerComponents server;
  private static TaskApi api;
  @TempDir
  static Path unpackDir;

  @BeforeAll
  static void startAndIngest(@TempDir Path dataDir) throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
    api.runToSuccess("INSERT INTO foo SELECT TIME_PARSE(t) AS __time, dim1, dim2, m1, m2, cnt FROM "
        + FOO_EXTERN + " PARTITIONED BY ALL", "ingestfoo", Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void storesEarliestLatestAndDistinctCountsAsDruidsRollupMetrics() throws Exception {
    ingest("INSERT INTO foo_rollup " + BY_DIM2 + " PARTITIONED BY ALL", ROLLUP);

    JsonNode payload = onlySegment("foo_rollup");
    assertThat(payload.path("dimensions").asText()).isEqualTo("dim2");
    assertThat(payload.path("metrics").asText()).isEqualTo("count,sum_cnt,ecnt,em1,lm1,em2,lm2,ed1,ld1,uniq");
    try (QueryableIndex index = load(payload)) {
      // SegmentGenerationUtils: each aggregator's getCombiningFactory() under the output name. First/last keep
      // their time column (and strings Druid's default 1024 bytes); cardinality combines as hyperUnique
      // (MSQInsertTest#testRollUpOnFoo1WithTimeFunctionComplexCol: HyperUniquesAggregatorFactory(n, n, false, true)).
      assertThat(index.getMetadata().isRollup()).isTrue();
      // Druid's IndexMergerV9 lists a merged segment's metrics, and so its aggregators, by name.
      assertThat(index.getMetadata().getAggregators()).containsExactly(BY_DIM2_METRICS);
      Map<String, String> types = new LinkedHashMap<>();
      for (String column : List.of("ecnt", "em1", "em2", "ed1", "uniq")) {
        types.put(column, index.getColumnHolder(column).getCapabilities().toColumnType().asTypeString());
      }
      assertThat(types).containsExactly(Map.entry("ecnt", "COMPLEX<serializablePairLongLong>"),
          Map.entry("em1", "COMPLEX<serializablePairLongFloat>"),
          Map.entry("em2", "COMPLEX<serializablePairLongDouble>"),
          Map.entry("ed1", "COMPLEX<serializablePairLongString>"), Map.entry("uniq", "COMPLEX<hyperUnique>"));
      assertThat(index.getNumRows()).isEqualTo(4);
    }

    // Over the whole table, Druid's CalciteQueryTest answers for foo: testEarliestAggregators EARLIEST(cnt) 1,
    // EARLIEST(m1) 1.0, EARLIEST(dim1) '' (stored, null: see expectedByDim2FromStoredPairs);
    // testLatestAggregators LATEST(m1) 6.0, LATEST(dim1) 'abc' (m2 = m1).
    // The distinct count is the estimate of Druid's own collector over foo's six dim1 values.
    JsonNode whole = bothDoors("SELECT EARLIEST(ecnt), EARLIEST(em1), LATEST(lm1), EARLIEST(em2), LATEST(lm2),"
        + " EARLIEST(ed1), LATEST(ld1), APPROX_COUNT_DISTINCT(uniq), COUNT(DISTINCT uniq), SUM(\"count\"),"
        + " SUM(sum_cnt) FROM foo_rollup");
    long distinctDim1 = estimate("", "10.1", "2", "1", "def", "abc");
    assertThat(whole).isEqualTo(json("[[1,1.0,6.0,1.0,6.0,null,\"abc\"," + distinctDim1 + "," + distinctDim1
        + ",6,6]]"));

    // Per dim2, the metrics answer what the same aggregations answer over foo itself, but for the empty string.
    String perDim2 = "SELECT dim2, EARLIEST(ecnt), EARLIEST(em1), LATEST(lm1), EARLIEST(em2), LATEST(lm2),"
        + " EARLIEST(ed1), LATEST(ld1), APPROX_COUNT_DISTINCT(uniq), SUM(\"count\"), SUM(sum_cnt) FROM foo_rollup"
        + " GROUP BY dim2";
    assertThat(bothDoors(perDim2)).isEqualTo(json(expectedByDim2FromStoredPairs()));
    assertThat(bothDoors("SELECT dim2, EARLIEST(cnt), EARLIEST(m1), LATEST(m1), EARLIEST(m2), LATEST(m2),"
        + " EARLIEST(dim1), LATEST(dim1), APPROX_COUNT_DISTINCT(dim1), COUNT(*), SUM(cnt) FROM foo GROUP BY dim2"))
        .isEqualTo(json(expectedByDim2()));

    // Selected as they are, the columns show Druid's types and JSON: a pair as lhs/rhs, a sketch as its bytes
    // (base64); the report holds the JSON values, the SQL API each one's JSON text, as Druid's SqlResults
    // writes a complex value.
    assertThat(api.sqlArray("SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME ="
        + " 'foo_rollup' AND COLUMN_NAME IN ('ed1', 'lm2', 'uniq')")).isEqualTo(json("[[\"ed1\","
        + "\"COMPLEX<serializablePairLongString>\"],[\"lm2\",\"COMPLEX<serializablePairLongDouble>\"],"
        + "[\"uniq\",\"COMPLEX<hyperUnique>\"]]"));
    TaskApi.DoorRows raw = api.bothDoors("SELECT ed1, lm2, uniq FROM foo_rollup WHERE dim2 = 'abc'",
        "raw" + IDS.incrementAndGet(), Map.of(), Map.of());
    String sketch = java.util.Base64.getEncoder().encodeToString(sketch("def").toByteArray());
    assertThat(raw.task()).isEqualTo(json("[[{\"lhs\":978393600000,\"rhs\":\"def\"},"
        + "{\"lhs\":978393600000,\"rhs\":5.0},\"" + sketch + "\"]]"));
    JsonNode sqlRow = raw.sql().get(0);
    assertThat(json(sqlRow.get(0).asText())).isEqualTo(raw.task().get(0).get(0));
    assertThat(json(sqlRow.get(1).asText())).isEqualTo(raw.task().get(0).get(1));
    assertThat(sqlRow.get(2).asText()).isEqualTo("\"" + sketch + "\"");
  }

  /**
   * The same rollup on the embedded Flink cluster (context {@code runner}, two workers): the pairs and
   * sketches cross Flink's shuffle in its serialization, the segment holds the same metrics, and the stored
   * values answer the same rows (the expected rows above, from Druid's answers over foo).
   */
  @Test
  void storesTheSameRollupMetricsOnFlink() throws Exception {
    Map<String, Object> onFlink = new java.util.HashMap<>(ROLLUP);
    onFlink.put("runner", "flink");
    onFlink.put("maxNumTasks", 3);
    JsonNode status = api.runToSuccess("INSERT INTO foo_rollup_flink " + BY_DIM2 + " PARTITIONED BY ALL",
        "flink" + IDS.incrementAndGet(), onFlink);
    assertThat(api.report(status.path("id").asText()).at("/taskContext/payload/runner").asText()).isEqualTo("flink");

    JsonNode payload = onlySegment("foo_rollup_flink");
    assertThat(payload.path("dimensions").asText()).isEqualTo("dim2");
    assertThat(payload.path("metrics").asText()).isEqualTo("count,sum_cnt,ecnt,em1,lm1,em2,lm2,ed1,ld1,uniq");
    try (QueryableIndex index = load(payload)) {
      assertThat(index.getMetadata().isRollup()).isTrue();
      assertThat(index.getMetadata().getAggregators()).containsExactly(BY_DIM2_METRICS);
      assertThat(index.getNumRows()).isEqualTo(4);
    }
    assertThat(bothDoors("SELECT dim2, EARLIEST(ecnt), EARLIEST(em1), LATEST(lm1), EARLIEST(em2), LATEST(lm2),"
        + " EARLIEST(ed1), LATEST(ld1), APPROX_COUNT_DISTINCT(uniq), SUM(\"count\"), SUM(sum_cnt)"
        + " FROM foo_rollup_flink GROUP BY dim2")).isEqualTo(json(expectedByDim2FromStoredPairs()));
    long distinctDim1 = estimate("", "10.1", "2", "1", "def", "abc");
    assertThat(bothDoors("SELECT APPROX_COUNT_DISTINCT(uniq), SUM(\"count\") FROM foo_rollup_flink"))
        .isEqualTo(json("[[" + distinctDim1 + ",6]]"));
  }

  /**
   * ANY_VALUE in a rollup: Druid's SegmentGenerationUtils stores each aggregator's combining factory, and
   * ANY_VALUE's numeric ones (LongAny/FloatAny/DoubleAnyAggregatorFactory) are their own, plain LONG, FLOAT
   * and DOUBLE columns. Each dim1 of foo is one row, so the values are that row's (foo's cnt 1, m1, m2).
   * The string one, StringAnyAggregatorFactory, has the intermediate type STRING, which Druid's incremental
   * index refuses as a metric ({@code IncrementalIndex.MetricDesc}): the task fails writing the segment
   * with that UnknownError and publishes nothing.
   */
  @Test
  void storesNumericAnyValueAsItsOwnMetricAndFailsTheStringOneAsDruidsIndexDoes() throws Exception {
    ingest("INSERT INTO foo_any SELECT TIMESTAMP '2000-01-01 00:00:00' AS __time, dim1, ANY_VALUE(cnt) AS acnt,"
        + " ANY_VALUE(m1) AS am1, ANY_VALUE(m2) AS am2 FROM foo GROUP BY 1, 2 PARTITIONED BY ALL", ROLLUP);
    JsonNode payload = onlySegment("foo_any");
    assertThat(payload.path("metrics").asText()).isEqualTo("acnt,am1,am2");
    try (QueryableIndex index = load(payload)) {
      assertThat(index.getMetadata().isRollup()).isTrue();
      assertThat(index.getMetadata().getAggregators()).containsExactly(
          new LongAnyAggregatorFactory("acnt", "acnt"), new FloatAnyAggregatorFactory("am1", "am1"),
          new DoubleAnyAggregatorFactory("am2", "am2"));
      assertThat(index.getColumnHolder("am1").getCapabilities().toColumnType().asTypeString()).isEqualTo("FLOAT");
    }
    assertThat(bothDoors("SELECT dim1, acnt, am1, am2 FROM foo_any ORDER BY dim1")).isEqualTo(json("[[\"\",1,1.0,1.0],"
        + "[\"1\",1,4.0,4.0],[\"10.1\",1,2.0,2.0],[\"2\",1,3.0,3.0],[\"abc\",1,6.0,6.0],[\"def\",1,5.0,5.0]]"));

    JsonNode failed = api.run("INSERT INTO foo_any_string SELECT TIMESTAMP '2000-01-01 00:00:00' AS __time, dim2,"
        + " ANY_VALUE(dim1) AS ad1 FROM foo GROUP BY 1, 2 PARTITIONED BY ALL", "any" + IDS.incrementAndGet(), ROLLUP);
    assertThat(failed.path("errorMsg").asText()).isEqualTo("UnknownError: org.apache.druid.java.util.common.ISE:"
        + " Unable to handle type[STRING] for AggregatorFactory[class"
        + " org.apache.druid.query.aggregation.any.StringAnyAggregatorFactory]");
    assertThat(server.metadataStore().segments().usedSegments("foo_any_string")).isEmpty();
  }

  /**
   * ARRAY_AGG and STRING_AGG in a rollup: Druid's SQL plans both as expression aggregators collecting an
   * array (ArraySqlAggregator: {@code <LONG>[]} for numbers; StringSqlAggregator: {@code []}), whose
   * combining factory SegmentGenerationUtils makes the metric; Druid's incremental index refuses an array
   * metric ({@code IncrementalIndex.MetricDesc}), so the task fails writing the segment and publishes nothing.
   */
  @Test
  void failsArrayAggAndStringAggInARollupAsDruidsIndexDoes() throws Exception {
    Map<String, String> aggregates = Map.of("ARRAY_AGG(dim1)", "ARRAY<STRING>", "ARRAY_AGG(cnt)", "ARRAY<LONG>",
        "STRING_AGG(dim1, ',')", "ARRAY<STRING>", "STRING_AGG(DISTINCT dim1, ',')", "ARRAY<STRING>");
    for (Map.Entry<String, String> aggregate : aggregates.entrySet()) {
      String table = "foo_collect" + IDS.incrementAndGet();
      JsonNode failed = api.run("INSERT INTO " + table + " SELECT TIMESTAMP '2000-01-01 00:00:00' AS __time, dim2, "
          + aggregate.getKey() + " AS c FROM foo GROUP BY 1, 2 PARTITIONED BY ALL", "collect" + IDS.incrementAndGet(),
          ROLLUP);
      assertThat(failed.path("errorMsg").asText()).as(aggregate.getKey()).isEqualTo("UnknownError:"
          + " org.apache.druid.java.util.common.ISE: Unable to handle type[" + aggregate.getValue() + "] for"
          + " AggregatorFactory[class org.apache.druid.query.aggregation.ExpressionLambdaAggregatorFactory]");
      assertThat(server.metadataStore().segments().usedSegments(table)).isEmpty();
    }
  }

  @Test
  void refusesOtherAggregationsOfAStoredSketchAsDruidRefusesAComplexColumn() throws Exception {
    ingest("INSERT INTO foo_sketch SELECT FLOOR(__time TO YEAR) AS __time, APPROX_COUNT_DISTINCT(dim1) AS uniq"
        + " FROM foo GROUP BY 1 PARTITIONED BY ALL", ROLLUP);
    // MAX: Druid's MaxSqlAggregator, SimpleSqlAggregator.badTypeException (as for MAX over a string, §7.4);
    // SUM: Calcite's own operand check, which takes only numbers.
    assertThat(refusal("SELECT MAX(uniq) FROM foo_sketch"))
        .isEqualTo("Aggregation [MAX] does not support type [COMPLEX<hyperUnique>], column [uniq]");
    assertThat(refusal("SELECT SUM(uniq) FROM foo_sketch")).startsWith("Cannot apply 'SUM' to arguments of type");
  }

  private static String refusal(String sql) throws Exception {
    var response = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query", sql)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    return json(response.body()).path("errorMessage").asText();
  }

  @Test
  void storesFinalizedValuesAsDimensionsUnlessTheQueryIsARollupQuery() throws Exception {
    // §1.9: finalizeAggregations absent, or true even with unnesting off, is not Druid's rollup query.
    for (Map<String, Object> context : List.of(Map.<String, Object>of(),
        Map.<String, Object>of("finalizeAggregations", true, "groupByEnableMultiValueUnnesting", false))) {
      String table = "foo_final" + IDS.incrementAndGet();
      ingest("INSERT INTO " + table + " " + BY_DIM2 + " PARTITIONED BY ALL", context);
      JsonNode payload = onlySegment(table);
      assertThat(payload.path("metrics").asText()).isEmpty();
      try (QueryableIndex index = load(payload)) {
        assertThat(index.getMetadata().isRollup()).isFalse();
        assertThat(index.getColumnHolder("ed1").getCapabilities().toColumnType().asTypeString()).isEqualTo("STRING");
        assertThat(index.getColumnHolder("uniq").getCapabilities().toColumnType().asTypeString()).isEqualTo("LONG");
      }
      assertThat(bothDoors("SELECT dim2, ecnt, em1, lm1, em2, lm2, ed1, ld1, uniq, \"count\", sum_cnt FROM " + table))
          .isEqualTo(json(expectedByDim2()));
    }
  }

  @Test
  void rollsUpDruidsCountDistinctOfM1ByDayAndDim1() throws Exception {
    // MSQInsertTest#testRollUpOnFoo1WithTimeFunctionComplexCol: cnt is COMPLEX<hyperUnique> with
    // HyperUniquesAggregatorFactory("cnt", "cnt", false, true); each (day, dim1) holds one m1, so each estimate is 1.
    ingest("INSERT INTO foo1 SELECT FLOOR(__time TO DAY) AS __time, dim1, COUNT(DISTINCT m1) AS cnt FROM foo"
        + " WHERE dim1 IS NOT NULL GROUP BY 1, 2 PARTITIONED BY DAY CLUSTERED BY dim1", ROLLUP);
    List<SegmentRecord> segments = server.metadataStore().segments().usedSegments("foo1");
    assertThat(segments).hasSize(6);
    try (QueryableIndex index = load(TaskApi.JSON.readTree(segments.get(0).payloadJson()))) {
      assertThat(index.getMetadata().getAggregators())
          .containsExactly((AggregatorFactory) new HyperUniquesAggregatorFactory("cnt", "cnt", false, true));
      assertThat(index.getColumnHolder("cnt").getCapabilities().toColumnType().asTypeString())
          .isEqualTo("COMPLEX<hyperUnique>");
    }
    assertThat(bothDoors("SELECT dim1, APPROX_COUNT_DISTINCT(cnt) FROM foo1 GROUP BY dim1"))
        .isEqualTo(json("[[\"\",1],[\"1\",1],[\"10.1\",1],[\"2\",1],[\"abc\",1],[\"def\",1]]"));
  }

  @Test
  void selectsUnfinalizedAggregatesWithFinalizeAggregationsFalseOnTheTaskEngine() throws Exception {
    String sql = "SELECT dim2, COUNT(*) AS c, SUM(cnt) AS s, AVG(m2) AS a, LATEST(dim1) AS ld1, EARLIEST(m1) AS em1,"
        + " APPROX_COUNT_DISTINCT(dim1) AS u FROM foo GROUP BY dim2";
    String id = "unfinal" + IDS.incrementAndGet();
    api.runToSuccess(sql, id, Map.of("finalizeAggregations", false));
    JsonNode results = api.report("query-" + id).at("/multiStageQuery/payload/results");
    // MSQTaskQueryMaker with finalizeAggregations false: the native query runs with finalize false, the
    // report's signature is the final stage's (the aggregators' intermediate types) and every column that is
    // an aggregator is typed OTHER in sqlTypeNames (a ComplexSqlType of its intermediate type), COUNT and SUM
    // too; AVG is Druid's quotient post-aggregator over a sum and a count, so it stays a finalized DOUBLE
    // (m2 is foo's double copy of m1).
    assertThat(results.path("signature")).isEqualTo(json("[{\"name\":\"dim2\",\"type\":\"STRING\"},"
        + "{\"name\":\"c\",\"type\":\"LONG\"},{\"name\":\"s\",\"type\":\"LONG\"},"
        + "{\"name\":\"a\",\"type\":\"DOUBLE\"},"
        + "{\"name\":\"ld1\",\"type\":\"COMPLEX<serializablePairLongString>\"},"
        + "{\"name\":\"em1\",\"type\":\"COMPLEX<serializablePairLongFloat>\"},"
        + "{\"name\":\"u\",\"type\":\"COMPLEX<hyperUnique>\"}]"));
    assertThat(results.path("sqlTypeNames"))
        .isEqualTo(json("[\"VARCHAR\",\"OTHER\",\"OTHER\",\"DOUBLE\",\"OTHER\",\"OTHER\",\"OTHER\"]"));
    // Per dim2 (null, '', a, abc) from foo's rows 2&6, 3, 1&4, 5: pairs as Druid's SerializablePair JSON
    // (lhs the row's __time), sketches as the collector's bytes in base64 (its @JsonValue).
    JsonNode rows = results.path("results");
    assertThat(rows.size()).isEqualTo(4);
    List<String> expected = List.of(
        "[null,2,2,4.0,{\"lhs\":978480000000,\"rhs\":\"abc\"},{\"lhs\":946771200000,\"rhs\":2.0}]",
        "[\"\",1,1,3.0,{\"lhs\":946857600000,\"rhs\":\"2\"},{\"lhs\":946857600000,\"rhs\":3.0}]",
        "[\"a\",2,2,2.5,{\"lhs\":978307200000,\"rhs\":\"1\"},{\"lhs\":946684800000,\"rhs\":1.0}]",
        "[\"abc\",1,1,5.0,{\"lhs\":978393600000,\"rhs\":\"def\"},{\"lhs\":978393600000,\"rhs\":5.0}]");
    List<List<String>> dim1PerGroup = List.of(List.of("10.1", "abc"), List.of("2"), List.of("", "1"), List.of("def"));
    for (int i = 0; i < 4; i++) {
      JsonNode row = rows.get(i);
      com.fasterxml.jackson.databind.node.ArrayNode firstSix = TaskApi.JSON.createArrayNode();
      for (int c = 0; c < 6; c++) {
        firstSix.add(row.get(c));
      }
      assertThat(firstSix).isEqualTo(json(expected.get(i)));
      assertThat(collector(row.get(6).asText()))
          .isEqualTo(sketch(dim1PerGroup.get(i).toArray(String[]::new)));
    }

    // The SQL API's native engine ignores finalizeAggregations, and the task engine ignores finalize (its
    // MSQTaskQueryMaker overrides the native finalize with finalizeAggregations): finalized values both ways.
    String finalized = "[[null,2,2,4.0,\"abc\",2.0,2],[\"\",1,1,3.0,\"2\",3.0,1],[\"a\",2,2,2.5,\"1\",1.0,2],"
        + "[\"abc\",1,1,5.0,\"def\",5.0,1]]";
    TaskApi.DoorRows crossed = api.bothDoors(sql, "crossed" + IDS.incrementAndGet(), Map.of("finalize", false),
        Map.of("finalizeAggregations", false));
    assertThat(crossed.task()).isEqualTo(json(finalized));
    assertThat(crossed.sql()).isEqualTo(json(finalized));
  }

  @Test
  void unfinalizesOnlyTheOutermostAggregationAlsoUnderOrderByAndLimit() throws Exception {
    Map<String, Object> unfinalized = Map.of("finalizeAggregations", false);
    String id = "limited" + IDS.incrementAndGet();
    api.runToSuccess("SELECT dim2, APPROX_COUNT_DISTINCT(dim1) AS u FROM foo GROUP BY dim2 ORDER BY dim2 DESC LIMIT 2",
        id, unfinalized);
    JsonNode rows = api.report("query-" + id).at("/multiStageQuery/payload/results/results");
    assertThat(rows.size()).isEqualTo(2);
    assertThat(rows.get(0).get(0).asText()).isEqualTo("abc");
    assertThat(collector(rows.get(0).get(1).asText())).isEqualTo(sketch("def"));
    assertThat(rows.get(1).get(0).asText()).isEqualTo("a");
    assertThat(collector(rows.get(1).get(1).asText())).isEqualTo(sketch("", "1"));

    // Druid's SQL planner finalizes an inner query's aggregates with explicit post-aggregators, whatever the
    // context: the outer MAX reads the inner estimates (2 at most) and only its own column is an aggregator.
    String nested = "nested" + IDS.incrementAndGet();
    api.runToSuccess("SELECT MAX(u) AS most FROM (SELECT dim2, APPROX_COUNT_DISTINCT(dim1) AS u FROM foo"
        + " GROUP BY dim2)", nested, unfinalized);
    JsonNode results = api.report("query-" + nested).at("/multiStageQuery/payload/results");
    assertThat(results.path("results")).isEqualTo(json("[[2]]"));
    assertThat(results.path("sqlTypeNames")).isEqualTo(json("[\"OTHER\"]"));
  }

  @Test
  void sqlApiWithFinalizeFalseFailsAsDruidsSqlResultsOnASketchOrPair() throws Exception {
    // Plain aggregates have no other intermediate form: the native engine answers as with finalize true.
    String plain = "SELECT dim2, COUNT(*), SUM(cnt), AVG(m1), MIN(m1), MAX(cnt) FROM foo GROUP BY dim2";
    assertThat(sqlRows(plain, Map.of("finalize", false))).isEqualTo(sqlRows(plain, Map.of()))
        .isEqualTo(json("[[null,2,2,4.0,2.0,1],[\"\",1,1,3.0,3.0,1],[\"a\",2,2,2.5,1.0,1],"
            + "[\"abc\",1,1,5.0,5.0,1]]"));
    // A sketch or pair reaching a BIGINT or VARCHAR column: SqlResults.coerce's error, naming the native
    // column and the Java class of Druid's intermediate value (apache/druid#15666 shows the same for w0).
    assertThat(sqlRefusal("SELECT dim2, APPROX_COUNT_DISTINCT(dim1) FROM foo GROUP BY dim2"))
        .isEqualTo("Cannot coerce field [a0] from type [org.apache.druid.hll.VersionOneHyperLogLogCollector]"
            + " to type [BIGINT]");
    assertThat(sqlRefusal("SELECT COUNT(*), LATEST(dim1) FROM foo"))
        .isEqualTo("Cannot coerce field [a1] from type [org.apache.druid.query.aggregation.SerializablePairLongString]"
            + " to type [VARCHAR]");
    // With no row there is nothing to coerce.
    assertThat(sqlRows("SELECT dim2, APPROX_COUNT_DISTINCT(dim1) FROM foo WHERE dim1 = 'none' GROUP BY dim2",
        Map.of("finalize", false))).isEqualTo(json("[]"));
  }

  private static JsonNode sqlRows(String sql, Map<String, Object> context) throws Exception {
    var response = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(
        Map.of("query", sql, "resultFormat", "array", "context", context)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response.body());
  }

  private static String sqlRefusal(String sql) throws Exception {
    var response = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(
        Map.of("query", sql, "context", Map.of("finalize", false))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = json(response.body());
    assertThat(error.path("errorCode").asText()).isEqualTo("general");
    assertThat(error.path("category").asText()).isEqualTo("INVALID_INPUT");
    return error.path("errorMessage").asText();
  }

  private static HyperLogLogCollector collector(String base64) {
    return HyperLogLogCollector.makeCollector(java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(base64)));
  }

  /** {@link #EXPECTED_BY_DIM2} as finalized values give it. */
  private static String expectedByDim2() {
    return EXPECTED_BY_DIM2.formatted("\"\"");
  }

  /**
   * {@link #EXPECTED_BY_DIM2} as a stored stringFirst metric gives it: Druid's serde of
   * {@code serializablePairLongString} writes a string by its length and reads a length of 0 back as
   * null ({@code SerializablePairLongString*StagedSerde.deserialize}), so an empty string stored in a
   * rolled-up segment, by Druid as by us, comes back null.
   */
  private static String expectedByDim2FromStoredPairs() {
    return EXPECTED_BY_DIM2.formatted("null");
  }

  /** Druid's estimate for these strings: its cardinality aggregator's hash into its HyperLogLog collector. */
  private static long estimate(String... values) {
    return Math.round(sketch(values).estimateCardinality());
  }

  private static HyperLogLogCollector sketch(String... values) {
    DruidRuntime.initialize();
    HyperLogLogCollector collector = HyperLogLogCollector.makeLatestCollector();
    for (String value : values) {
      collector.add(CardinalityAggregator.HASH_FUNCTION.hashUnencodedChars(value).asBytes());
    }
    return collector;
  }

  private static void ingest(String sql, Map<String, Object> context) throws Exception {
    api.runToSuccess(sql, "ingest" + IDS.incrementAndGet(), context);
  }

  private static JsonNode onlySegment(String dataSource) throws Exception {
    List<SegmentRecord> segments = server.metadataStore().segments().usedSegments(dataSource);
    assertThat(segments).hasSize(1);
    return TaskApi.JSON.readTree(segments.get(0).payloadJson());
  }

  /** The segment as Druid loads it, from deep storage with Druid's {@link IndexIO}. */
  private static QueryableIndex load(JsonNode payload) throws Exception {
    File dir = Files.createDirectories(unpackDir.resolve("s" + IDS.incrementAndGet())).toFile();
    CompressionUtils.unzip(new File(payload.at("/loadSpec/path").asText()), dir);
    return new IndexIO(DruidRuntime.initialize().jsonMapper(), ColumnConfig.DEFAULT).loadIndex(dir);
  }

  /** The rows of {@code sql} from both doors (the task report and the SQL API), asserted equal. */
  private static JsonNode bothDoors(String sql) throws Exception {
    TaskApi.DoorRows rows = api.bothDoors(sql, "rollup" + IDS.incrementAndGet(), Map.of(), Map.of());
    assertThat(rows.sql()).isEqualTo(rows.task());
    return rows.sql();
  }

  private static JsonNode json(String text) throws Exception {
    return TaskApi.JSON.readTree(text);
  }
}
