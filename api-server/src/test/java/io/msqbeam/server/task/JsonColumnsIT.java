package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.pipelines.segment.DruidRuntime;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.druid.segment.IndexIO;
import org.apache.druid.segment.QueryableIndex;
import org.apache.druid.segment.column.ColumnConfig;
import org.apache.druid.segment.column.ColumnType;
import org.apache.druid.utils.CompressionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code COMPLEX<json>} (nested) columns end to end: ingested from an EXTERN signature, from
 * {@code EXTEND (… TYPE('COMPLEX<json>'))} and from PARSE_JSON; stored as Druid nested columns (checked
 * with Druid's own segment loader); read back with JSON_VALUE, JSON_QUERY, JSON_OBJECT, JSON_KEYS and by
 * selecting the column, through both doors.
 *
 * <p>The rows and every expected value come from Druid's {@code querying/nested-columns.md}: its
 * {@code nested_data_example} rows as its {@code SELECT *} example shows them, and the answers of its
 * example queries (INFORMATION_SCHEMA types, JSON_VALUE, RETURNING, grouping, JSON_QUERY, JSON_OBJECT).
 * Where those examples predate SQL-compatible nulls (JSON_VALUE of an object shows {@code ""}) they are
 * not used. Complex values are written by the SQL API as their JSON serialization in a string (Druid's
 * {@code SqlResults.coerce} for SQL type OTHER, as the docs' results show them) and as JSON values in the
 * task report (MSQ's report holds the raw values).
 */
class JsonColumnsIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final List<String> ROWS = List.of(
      "{\"time\":\"2022-06-13T07:52:29.000Z\",\"product\":\"Bike\",\"department\":\"Sports\","
          + "\"shipTo\":{\"firstName\":\"Russ\",\"lastName\":\"Cole\",\"address\":{\"street\":\"77173 Rusty Station\","
          + "\"city\":\"South Yeseniabury\",\"state\":\"WA\",\"country\":\"BL\",\"postalCode\":\"01893\"},"
          + "\"phoneNumbers\":[{\"type\":\"primary\",\"number\":\"891-374-6188 x74568\"},"
          + "{\"type\":\"secondary\",\"number\":\"1-248-998-4426 x33037\"}]},"
          + "\"details\":{\"color\":\"sky blue\",\"price\":542.0}}",
      "{\"time\":\"2022-06-13T10:10:35.000Z\",\"product\":\"Bike\",\"department\":\"Sports\","
          + "\"shipTo\":{\"firstName\":\"Henry\",\"lastName\":\"Wuckert\",\"address\":{\"street\":\"5643 Jan Walk\","
          + "\"city\":\"Lake Bridget\",\"state\":\"HI\",\"country\":\"ME\",\"postalCode\":\"70204-2939\"},"
          + "\"phoneNumbers\":[{\"type\":\"primary\",\"number\":\"593.475.0449 x86733\"},"
          + "{\"type\":\"secondary\",\"number\":\"638-372-1210\"}]},"
          + "\"details\":{\"color\":\"ivory\",\"price\":955.0}}",
      "{\"time\":\"2022-06-13T13:57:38.000Z\",\"product\":\"Sausages\",\"department\":\"Grocery\","
          + "\"shipTo\":{\"firstName\":\"Forrest\",\"lastName\":\"Brekke\",\"address\":{\"street\":\"41548 Collier Divide\","
          + "\"city\":\"Wintheiserborough\",\"state\":\"WA\",\"country\":\"AD\",\"postalCode\":\"27577-6784\"},"
          + "\"phoneNumbers\":[{\"type\":\"primary\",\"number\":\"(904) 890-0696 x581\"},"
          + "{\"type\":\"secondary\",\"number\":\"676.895.6759\"}]},"
          + "\"details\":{\"price\":8.0}}",
      "{\"time\":\"2022-06-13T21:37:06.000Z\",\"product\":\"Mouse\",\"department\":\"Computers\","
          + "\"shipTo\":{\"firstName\":\"Rickey\",\"lastName\":\"Rempel\",\"address\":{\"street\":\"6232 Green Glens\","
          + "\"city\":\"New Fermin\",\"state\":\"HI\",\"country\":\"CW\",\"postalCode\":\"98912-1195\"},"
          + "\"phoneNumbers\":[{\"type\":\"primary\",\"number\":\"(689) 766-4272 x60778\"},"
          + "{\"type\":\"secondary\",\"number\":\"375.662.4737 x24707\"}]},"
          + "\"details\":{\"color\":\"olive\",\"price\":90.0}}",
      "{\"time\":\"2022-06-14T10:32:08.000Z\",\"product\":\"Keyboard\",\"department\":\"Computers\","
          + "\"shipTo\":{\"firstName\":\"Sandra\",\"lastName\":\"Beatty\",\"address\":{\"street\":\"293 Grant Well\","
          + "\"city\":\"Loischester\",\"state\":\"FL\",\"country\":\"TV\",\"postalCode\":\"88845-0066\"},"
          + "\"phoneNumbers\":[{\"type\":\"primary\",\"number\":\"1-788-771-7028 x8627\"},"
          + "{\"type\":\"secondary\",\"number\":\"1-460-496-4884 x887\"}]},"
          + "\"details\":{\"color\":\"plum\",\"price\":40.0}}");
  private static final String SIGNATURE = "[{\"name\":\"time\",\"type\":\"string\"},{\"name\":\"product\",\"type\":\"string\"},"
      + "{\"name\":\"department\",\"type\":\"string\"},{\"name\":\"shipTo\",\"type\":\"COMPLEX<json>\"},"
      + "{\"name\":\"details\",\"type\":\"COMPLEX<json>\"}]";

  @TempDir
  static Path dataDir;
  private static ServerComponents server;
  private static TaskApi api;

  @BeforeAll
  static void startAndIngest() throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
    // The docs' SQL-based ingestion example, with the data inline.
    api.runToSuccess("REPLACE INTO nested_data_example OVERWRITE ALL SELECT TIME_PARSE(\"time\") AS __time,"
        + " product, department, shipTo, details FROM TABLE(EXTERN('" + inline() + "','{\"type\":\"json\"}','"
        + SIGNATURE + "')) PARTITIONED BY ALL", "ingest", Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String inline() {
    return "{\"type\":\"inline\",\"data\":\"" + String.join("\\n", ROWS).replace("\"", "\\\"") + "\"}";
  }

  @Test
  void informationSchemaShowsComplexJson() throws Exception {
    assertThat(api.sqlArray("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_NAME = 'nested_data_example' ORDER BY COLUMN_NAME")).isEqualTo(json("["
        + "[\"nested_data_example\",\"__time\",\"TIMESTAMP\"],"
        + "[\"nested_data_example\",\"department\",\"VARCHAR\"],"
        + "[\"nested_data_example\",\"details\",\"COMPLEX<json>\"],"
        + "[\"nested_data_example\",\"product\",\"VARCHAR\"],"
        + "[\"nested_data_example\",\"shipTo\",\"COMPLEX<json>\"]]"));
  }

  @Test
  void segmentHoldsDruidNestedColumns() throws Exception {
    File zip;
    try (var files = Files.walk(dataDir)) {
      zip = files.filter(p -> p.getFileName().toString().equals("index.zip")
          && p.toString().contains("nested_data_example")).findFirst().orElseThrow().toFile();
    }
    File dir = Files.createTempDirectory(dataDir, "unzipped").toFile();
    CompressionUtils.unzip(zip, dir);
    try (QueryableIndex index = new IndexIO(DruidRuntime.initialize().jsonMapper(), ColumnConfig.DEFAULT).loadIndex(dir)) {
      assertThat(index.getColumnCapabilities("shipTo").toColumnType()).isEqualTo(ColumnType.NESTED_DATA);
      assertThat(index.getColumnCapabilities("details").toColumnType()).isEqualTo(ColumnType.NESTED_DATA);
      assertThat(index.getNumRows()).isEqualTo(5);
    }
  }

  @Test
  void jsonValueReadsNestedLiterals() throws Exception {
    assertThat(bothDoors("SELECT product, department, JSON_VALUE(shipTo, '$.address.country') AS country,"
        + " JSON_VALUE(shipTo, '$.phoneNumbers[0].number') AS primaryPhone, JSON_VALUE(details, '$.price') AS price"
        + " FROM nested_data_example")).isEqualTo(json("["
        + "[\"Bike\",\"Sports\",\"BL\",\"891-374-6188 x74568\",\"542.0\"],"
        + "[\"Bike\",\"Sports\",\"ME\",\"593.475.0449 x86733\",\"955.0\"],"
        + "[\"Sausages\",\"Grocery\",\"AD\",\"(904) 890-0696 x581\",\"8.0\"],"
        + "[\"Mouse\",\"Computers\",\"CW\",\"(689) 766-4272 x60778\",\"90.0\"],"
        + "[\"Keyboard\",\"Computers\",\"TV\",\"1-788-771-7028 x8627\",\"40.0\"]]"));
  }

  @Test
  void jsonValueReturningTypes() throws Exception {
    assertThat(bothDoors("SELECT product, JSON_VALUE(details, '$.price' RETURNING BIGINT) AS price_int,"
        + " JSON_VALUE(details, '$.price' RETURNING DOUBLE) AS price_double,"
        + " JSON_VALUE(details, '$.price' RETURNING VARCHAR) AS price_varchar FROM nested_data_example"))
        .isEqualTo(json("[[\"Bike\",542,542.0,\"542.0\"],[\"Bike\",955,955.0,\"955.0\"],"
            + "[\"Sausages\",8,8.0,\"8.0\"],[\"Mouse\",90,90.0,\"90.0\"],[\"Keyboard\",40,40.0,\"40.0\"]]"));
  }

  @Test
  void groupsAndFiltersOnJsonValue() throws Exception {
    assertThat(bothDoors("SELECT product, JSON_VALUE(shipTo, '$.address.country'),"
        + " SUM(JSON_VALUE(details, '$.price' RETURNING BIGINT)) FROM nested_data_example"
        + " WHERE JSON_VALUE(shipTo, '$.address.country') IN ('BL', 'CW') GROUP BY 1, 2 ORDER BY 3 DESC"))
        .isEqualTo(json("[[\"Bike\",\"BL\",542],[\"Mouse\",\"CW\",90]]"));
  }

  @Test
  void jsonQueryAndJsonObjectGiveJson() throws Exception {
    TaskApi.DoorRows rows = api.bothDoors("SELECT JSON_QUERY(shipTo, '$.address'),"
        + " JSON_OBJECT(KEY 'shipTo' VALUE JSON_QUERY(shipTo, '$'), KEY 'details' VALUE JSON_QUERY(details, '$'))"
        + " FROM nested_data_example WHERE product = 'Sausages'", "j" + IDS.incrementAndGet(), Map.of(), Map.of());
    String address = "{\"street\":\"41548 Collier Divide\",\"city\":\"Wintheiserborough\",\"state\":\"WA\","
        + "\"country\":\"AD\",\"postalCode\":\"27577-6784\"}";
    // The docs' JSON_OBJECT answer puts details before shipTo: Druid's json_object builds a HashMap.
    String combined = "{\"details\":{\"price\":8.0},\"shipTo\":{\"firstName\":\"Forrest\",\"lastName\":\"Brekke\","
        + "\"address\":" + address + ",\"phoneNumbers\":[{\"type\":\"primary\",\"number\":\"(904) 890-0696 x581\"},"
        + "{\"type\":\"secondary\",\"number\":\"676.895.6759\"}]}}";
    assertThat(rows.sql()).isEqualTo(TaskApi.JSON.createArrayNode().add(
        TaskApi.JSON.createArrayNode().add(address).add(combined)));
    assertThat(rows.task()).isEqualTo(json("[[" + address + "," + combined + "]]"));
  }

  @Test
  void selectedColumnsInEveryFormatWithDruidsTypeHeaders() throws Exception {
    String query = "SELECT __time, product, details FROM nested_data_example WHERE product = 'Mouse'";
    String details = "{\\\"color\\\":\\\"olive\\\",\\\"price\\\":90.0}";
    assertThat(sqlBody(query, "array")).isEqualTo("[[\"__time\",\"product\",\"details\"],"
        + "[\"LONG\",\"STRING\",\"COMPLEX<json>\"],[\"TIMESTAMP\",\"VARCHAR\",\"OTHER\"],"
        + "[\"2022-06-13T21:37:06.000Z\",\"Mouse\",\"" + details + "\"]]\n");
    assertThat(sqlBody(query, "object")).isEqualTo("[{\"__time\":{\"type\":\"LONG\",\"sqlType\":\"TIMESTAMP\"},"
        + "\"product\":{\"type\":\"STRING\",\"sqlType\":\"VARCHAR\"},\"details\":{\"type\":\"COMPLEX<json>\","
        + "\"sqlType\":\"OTHER\"}},{\"__time\":\"2022-06-13T21:37:06.000Z\",\"product\":\"Mouse\",\"details\":\""
        + details + "\"}]\n");
    assertThat(sqlBody(query, "objectLines")).endsWith("{\"__time\":\"2022-06-13T21:37:06.000Z\",\"product\":"
        + "\"Mouse\",\"details\":\"" + details + "\"}\n\n");
    assertThat(sqlBody(query, "arrayLines")).endsWith("[\"2022-06-13T21:37:06.000Z\",\"Mouse\",\"" + details
        + "\"]\n\n");
    assertThat(sqlBody(query, "csv")).isEqualTo("__time,product,details\nLONG,STRING,COMPLEX<json>\n"
        + "TIMESTAMP,VARCHAR,OTHER\n2022-06-13T21:37:06.000Z,Mouse,\"{\"\"color\"\":\"\"olive\"\",\"\"price\"\":90.0}\"\n\n");

    JsonNode status = api.runToSuccess(query, "select" + IDS.incrementAndGet(), Map.of());
    JsonNode results = api.report(status.path("id").asText()).at("/multiStageQuery/payload/results");
    assertThat(results.path("signature")).isEqualTo(json("[{\"name\":\"__time\",\"type\":\"LONG\"},"
        + "{\"name\":\"product\",\"type\":\"STRING\"},{\"name\":\"details\",\"type\":\"COMPLEX<json>\"}]"));
    assertThat(results.path("sqlTypeNames")).isEqualTo(json("[\"TIMESTAMP\",\"VARCHAR\",\"OTHER\"]"));
    assertThat(results.path("results")).isEqualTo(json("[[1655156226000,\"Mouse\",{\"color\":\"olive\",\"price\":90.0}]]"));
  }

  @Test
  void jsonKeysAndPathsOverTheStoredColumn() throws Exception {
    // JSON_KEYS gives a VARCHAR ARRAY: stringified by the SQL API (sqlStringifyArrays), an array in the report.
    TaskApi.DoorRows rows = api.bothDoors("SELECT JSON_KEYS(shipTo, '$.address'), JSON_KEYS(details, '$'),"
        + " JSON_PATHS(details) FROM nested_data_example WHERE product = 'Sausages'", "j" + IDS.incrementAndGet(),
        Map.of(), Map.of());
    assertThat(rows.task()).isEqualTo(json("[[[\"street\",\"city\",\"state\",\"country\",\"postalCode\"],"
        + "[\"price\"],[\"$.price\"]]]"));
    assertThat(rows.sql()).isEqualTo(json("[[\"[\\\"street\\\",\\\"city\\\",\\\"state\\\","
        + "\\\"country\\\",\\\"postalCode\\\"]\",\"[\\\"price\\\"]\",\"[\\\"$.price\\\"]\"]]"));
  }

  @Test
  void extendTypeAndParseJsonIngestJsonColumns() throws Exception {
    // EXTEND (… TYPE('COMPLEX<json>')) declares a nested column as the signature does (druid-behaviour §1.7);
    // PARSE_JSON of a string column gives one too.
    String data = "{\\\"n\\\":1,\\\"obj\\\":{\\\"a\\\":{\\\"b\\\":2}},\\\"s\\\":\\\"{\\\\\\\"x\\\\\\\":[1,2]}\\\"}";
    api.runToSuccess("REPLACE INTO extended OVERWRITE ALL SELECT n, obj, PARSE_JSON(s) AS parsed"
        + " FROM TABLE(EXTERN(inputSource => '{\"type\":\"inline\",\"data\":\"" + data + "\"}',"
        + " inputFormat => '{\"type\":\"json\"}')) EXTEND (n BIGINT, obj TYPE('COMPLEX<json>'), s VARCHAR)"
        + " PARTITIONED BY ALL", "extend" + IDS.incrementAndGet(), Map.of());
    assertThat(api.sqlArray("SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_NAME = 'extended' ORDER BY COLUMN_NAME")).isEqualTo(json("[[\"__time\",\"TIMESTAMP\"],"
        + "[\"n\",\"BIGINT\"],[\"obj\",\"COMPLEX<json>\"],[\"parsed\",\"COMPLEX<json>\"]]"));
    assertThat(bothDoors("SELECT JSON_VALUE(obj, '$.a.b' RETURNING BIGINT), JSON_VALUE(parsed, '$.x[1]'),"
        + " TO_JSON_STRING(obj) FROM extended")).isEqualTo(json("[[2,\"2\",\"{\\\"a\\\":{\\\"b\\\":2}}\"]]"));
  }

  /**
   * The {@code obj} values of Druid's nested-all-types test data as MSQComplexGroupByTest expects them back,
   * here in input order by {@code a}.
   */
  private static final List<String> OBJECTS = List.of(
      "{\"a\":100,\"b\":{\"x\":\"a\",\"y\":1.1,\"z\":[1,2,3,4]},\"c\":[100],\"v\":[]}",
      "{\"a\":200,\"b\":{\"x\":\"b\",\"y\":1.1,\"z\":[2,4,6]},\"c\":[\"a\",\"b\"],\"v\":[]}",
      "{\"a\":300}",
      "{\"a\":400,\"b\":{\"x\":\"d\",\"y\":1.1,\"z\":[3,4]},\"c\":{\"a\":1},\"v\":[]}",
      "{\"a\":500,\"b\":{\"x\":\"e\",\"z\":[1,2,3,4]},\"c\":\"hello\",\"v\":\"a\"}",
      "{\"a\":600,\"b\":{\"x\":\"f\",\"y\":1.1,\"z\":[6,7,8,9]},\"c\":12.3,\"v\":\"b\"}",
      "{\"a\":700,\"b\":{\"x\":\"g\",\"y\":1.1,\"z\":[9,null,9,9]},\"c\":null,\"v\":[]}");

  private static String objectsExtern() {
    StringBuilder data = new StringBuilder();
    for (String object : OBJECTS) {
      data.append(data.length() == 0 ? "" : "\\n").append("{\"obj\":").append(object)
          .append(",\"cObj\":{\"x\":1,\"y\":\"hello\"}}");
    }
    return "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + data.toString().replace("\"", "\\\"")
        + "\"}','{\"type\":\"json\"}','[{\"name\":\"obj\",\"type\":\"COMPLEX<json>\"},"
        + "{\"name\":\"cObj\",\"type\":\"COMPLEX<json>\"}]'))";
  }

  @Test
  void ordersJsonValuesAsDruidDoes() throws Exception {
    // MSQComplexGroupByTest.testSortingOnNestedData: ORDER BY a COMPLEX<json> column sorts by Druid's
    // nested-data comparator, which gives this order for these objects.
    TaskApi.DoorRows rows = api.bothDoors("SELECT obj FROM " + objectsExtern() + " ORDER BY 1",
        "j" + IDS.incrementAndGet(), Map.of(), Map.of());
    List<Integer> order = List.of(5, 1, 3, 4, 6, 0, 2);
    StringBuilder task = new StringBuilder("[");
    for (int i : order) {
      task.append(task.length() == 1 ? "" : ",").append('[').append(OBJECTS.get(i)).append(']');
    }
    assertThat(rows.task()).isEqualTo(json(task + "]"));
    for (int i = 0; i < order.size(); i++) {
      assertThat(rows.sql().get(i).get(0).asText()).isEqualTo(OBJECTS.get(order.get(i)));
    }
  }

  @Test
  void groupsAndCountsDistinctJsonValues() throws Exception {
    // MSQComplexGroupByTest: GROUP BY obj keeps the seven objects apart (one row each), and the exact
    // COUNT(DISTINCT …) of obj is 7 and of cObj, the same object in every row, 1.
    api.runToSuccess("INSERT INTO grouped_objects SELECT obj, COUNT(*) AS cnt FROM " + objectsExtern()
        + " GROUP BY 1 PARTITIONED BY ALL", "group" + IDS.incrementAndGet(), Map.of());
    JsonNode grouped = bothDoors("SELECT JSON_VALUE(obj, '$.a' RETURNING BIGINT) AS a, cnt FROM grouped_objects"
        + " ORDER BY a");
    assertThat(grouped).isEqualTo(json("[[100,1],[200,1],[300,1],[400,1],[500,1],[600,1],[700,1]]"));
    assertThat(api.sqlArray("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'grouped_objects'"
        + " AND COLUMN_NAME = 'obj'")).isEqualTo(json("[[\"COMPLEX<json>\"]]"));
    TaskApi.DoorRows distinct = api.bothDoors("SELECT COUNT(DISTINCT obj), COUNT(DISTINCT cObj) FROM "
        + objectsExtern(), "j" + IDS.incrementAndGet(), Map.of("useApproximateCountDistinct", false),
        Map.of("useApproximateCountDistinct", false));
    assertThat(distinct.sql()).isEqualTo(json("[[7,1]]"));
    assertThat(distinct.task()).isEqualTo(distinct.sql());
  }

  @Test
  void flinkWritesTheSameJsonColumns() throws Exception {
    // The docs' ingestion again, on the embedded Flink cluster: the same nested columns, read back equal.
    JsonNode status = api.runToSuccess("REPLACE INTO nested_flink OVERWRITE ALL SELECT TIME_PARSE(\"time\") AS __time,"
        + " product, shipTo, details FROM TABLE(EXTERN('" + inline() + "','{\"type\":\"json\"}','" + SIGNATURE
        + "')) PARTITIONED BY ALL", "flink" + IDS.incrementAndGet(), Map.of("runner", "flink", "maxNumTasks", 3));
    assertThat(api.report(status.path("id").asText()).at("/taskContext/payload/runner").asText()).isEqualTo("flink");
    String columns = "SELECT __time, product, shipTo, details FROM ";
    assertThat(api.sqlArray(columns + "nested_flink ORDER BY __time"))
        .isEqualTo(api.sqlArray(columns + "nested_data_example ORDER BY __time"));
    assertThat(api.sqlArray("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'nested_flink'"
        + " AND COLUMN_NAME = 'shipTo'")).isEqualTo(json("[[\"COMPLEX<json>\"]]"));
  }

  @Test
  void refusesMinAndMaxOfJsonWithDruidsMessage() throws Exception {
    // Druid's MinSqlAggregator / MaxSqlAggregator: SimpleSqlAggregator.badTypeException, an invalidInput
    // "Aggregation [%s] does not support type [%s], column [%s]" with the column read.
    for (String aggregation : List.of("MIN", "MAX")) {
      String message = "Aggregation [" + aggregation + "] does not support type [COMPLEX<json>], column [details]";
      String sql = "SELECT " + aggregation + "(details) FROM nested_data_example";
      HttpResponse<String> response = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query", sql)));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(json(response.body()).path("errorCode").asText()).isEqualTo("invalidInput");
      assertThat(json(response.body()).path("errorMessage").asText()).isEqualTo(message);
      HttpResponse<String> task = api.post("/druid/v2/sql/task", TaskApi.body(sql, "min" + IDS.incrementAndGet(),
          Map.of()));
      assertThat(task.statusCode()).as(task.body()).isEqualTo(400);
      assertThat(json(task.body()).at("/error/errorMessage").asText()).isEqualTo(message);
    }
    // Ours, not Druid's: ANY_VALUE / EARLIEST / LATEST / ARRAY_AGG of a JSON value are refused as not supported yet
    // rather than answered with values nobody has compared with Druid's.
    HttpResponse<String> any = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query",
        "SELECT ANY_VALUE(details) FROM nested_data_example")));
    assertThat(any.statusCode()).as(any.body()).isEqualTo(400);
    assertThat(json(any.body()).path("errorMessage").asText())
        .contains("aggregation [ANY_VALUE] over a COMPLEX<json> value is not supported yet");
  }

  private static String sqlBody(String query, String format) throws Exception {
    HttpResponse<String> response = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query", query,
        "resultFormat", format, "header", true, "typesHeader", true, "sqlTypesHeader", true)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** The rows of {@code sql} from the SQL API, asserted equal to the task report's. */
  private static JsonNode bothDoors(String sql) throws Exception {
    TaskApi.DoorRows rows = api.bothDoors(sql, "j" + IDS.incrementAndGet(), Map.of(), Map.of());
    assertThat(rows.task()).as("the task engine's rows").isEqualTo(rows.sql());
    return rows.sql();
  }

  private static JsonNode json(String text) throws Exception {
    return TaskApi.JSON.readTree(text);
  }
}
