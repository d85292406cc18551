package io.msqbeam.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL API over loopback HTTP on the ingested wikiticker sample: the captured {@code sql-select.*}
 * requests of a real Druid 33 replayed and their bodies compared byte for byte, the error fixtures,
 * cancel through DELETE, and the context timeout.
 *
 * <p>Requests are written as the capture tool wrote them (Python's {@code json.dumps}: {@code ", "} and
 * {@code ": "}), because Druid's deserialization errors quote the column where the body broke.
 */
class SqlApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA = Path.of("../examples/data").toAbsolutePath().normalize();
  private static final String SELECT = "SELECT __time, channel, cityName, comment, added, CAST(delta AS DOUBLE) AS delta_d, "
      + "isRobot\nFROM wikipedia\nWHERE __time IN (TIMESTAMP '2015-09-12 00:46:58.771', TIMESTAMP '2015-09-12 "
      + "00:47:00.496', TIMESTAMP '2015-09-12 01:25:09.876')\nORDER BY __time";
  private static final String SIGNATURE = "[{\"name\":\"time\",\"type\":\"string\"},{\"name\":\"channel\",\"type\":\"string\"},"
      + "{\"name\":\"cityName\",\"type\":\"string\"},{\"name\":\"comment\",\"type\":\"string\"},"
      + "{\"name\":\"countryIsoCode\",\"type\":\"string\"},{\"name\":\"countryName\",\"type\":\"string\"},"
      + "{\"name\":\"isAnonymous\",\"type\":\"string\"},{\"name\":\"isMinor\",\"type\":\"string\"},"
      + "{\"name\":\"isNew\",\"type\":\"string\"},{\"name\":\"isRobot\",\"type\":\"string\"},"
      + "{\"name\":\"isUnpatrolled\",\"type\":\"string\"},{\"name\":\"metroCode\",\"type\":\"long\"},"
      + "{\"name\":\"namespace\",\"type\":\"string\"},{\"name\":\"page\",\"type\":\"string\"},"
      + "{\"name\":\"regionIsoCode\",\"type\":\"string\"},{\"name\":\"regionName\",\"type\":\"string\"},"
      + "{\"name\":\"user\",\"type\":\"string\"},{\"name\":\"delta\",\"type\":\"long\"},"
      + "{\"name\":\"added\",\"type\":\"long\"},{\"name\":\"deleted\",\"type\":\"long\"}]";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path dataDir;

  private static ServerComponents server;
  private static String base;

  @BeforeAll
  static void startServerAndIngestWikiticker() throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    base = "http://127.0.0.1:" + server.apiServer().port();
    String extern = "TABLE(EXTERN('{\"type\":\"local\",\"baseDir\":\"" + DATA
        + "\",\"filter\":\"wikiticker-2015-09-12-sampled.json.gz\"}','{\"type\":\"json\"}','" + SIGNATURE + "'))";
    String insert = "INSERT INTO wikipedia SELECT TIME_PARSE(\"time\") AS __time, * FROM " + extern + " PARTITIONED BY DAY";
    HttpResponse<String> submit = post("/druid/v2/sql/task", "{\"query\": " + JSON.writeValueAsString(insert)
        + ", \"context\": {\"sqlQueryId\": \"sql-api-it\"}}");
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(202);
    awaitTaskSuccess("query-sql-api-it");
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  static Stream<Arguments> selectFixtures() {
    return Stream.of(
        Arguments.of("default-format", "", false, SelectFixtureBodies.DEFAULT_FORMAT),
        Arguments.of("object.header-false", ", \"resultFormat\": \"object\", \"header\": false", false,
            SelectFixtureBodies.OBJECT_HEADER_FALSE),
        Arguments.of("object.header-true", ", \"resultFormat\": \"object\", \"header\": true", true,
            SelectFixtureBodies.OBJECT_HEADER_TRUE),
        Arguments.of("object.header-true-types-true-sqltypes-true",
            ", \"resultFormat\": \"object\", \"header\": true, \"typesHeader\": true, \"sqlTypesHeader\": true", true,
            SelectFixtureBodies.OBJECT_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE),
        Arguments.of("array.header-false", ", \"resultFormat\": \"array\", \"header\": false", false,
            SelectFixtureBodies.ARRAY_HEADER_FALSE),
        Arguments.of("array.header-true", ", \"resultFormat\": \"array\", \"header\": true", true,
            SelectFixtureBodies.ARRAY_HEADER_TRUE),
        Arguments.of("array.header-true-types-true-only",
            ", \"resultFormat\": \"array\", \"header\": true, \"typesHeader\": true", true,
            SelectFixtureBodies.ARRAY_HEADER_TRUE_TYPES_TRUE_ONLY),
        Arguments.of("array.header-true-sqltypes-true-only",
            ", \"resultFormat\": \"array\", \"header\": true, \"sqlTypesHeader\": true", true,
            SelectFixtureBodies.ARRAY_HEADER_TRUE_SQLTYPES_TRUE_ONLY),
        Arguments.of("array.header-true-types-true-sqltypes-true",
            ", \"resultFormat\": \"array\", \"header\": true, \"typesHeader\": true, \"sqlTypesHeader\": true", true,
            SelectFixtureBodies.ARRAY_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE),
        Arguments.of("objectLines.header-false", ", \"resultFormat\": \"objectLines\", \"header\": false", false,
            SelectFixtureBodies.OBJECT_LINES_HEADER_FALSE),
        Arguments.of("objectLines.header-true", ", \"resultFormat\": \"objectLines\", \"header\": true", true,
            SelectFixtureBodies.OBJECT_LINES_HEADER_TRUE),
        Arguments.of("objectLines.header-true-types-true-sqltypes-true",
            ", \"resultFormat\": \"objectLines\", \"header\": true, \"typesHeader\": true, \"sqlTypesHeader\": true", true,
            SelectFixtureBodies.OBJECT_LINES_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE),
        Arguments.of("arrayLines.header-false", ", \"resultFormat\": \"arrayLines\", \"header\": false", false,
            SelectFixtureBodies.ARRAY_LINES_HEADER_FALSE),
        Arguments.of("arrayLines.header-true", ", \"resultFormat\": \"arrayLines\", \"header\": true", true,
            SelectFixtureBodies.ARRAY_LINES_HEADER_TRUE),
        Arguments.of("arrayLines.header-true-types-true-sqltypes-true",
            ", \"resultFormat\": \"arrayLines\", \"header\": true, \"typesHeader\": true, \"sqlTypesHeader\": true", true,
            SelectFixtureBodies.ARRAY_LINES_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE),
        Arguments.of("csv.header-false", ", \"resultFormat\": \"csv\", \"header\": false", false,
            SelectFixtureBodies.CSV_HEADER_FALSE),
        Arguments.of("csv.header-true", ", \"resultFormat\": \"csv\", \"header\": true", true,
            SelectFixtureBodies.CSV_HEADER_TRUE),
        Arguments.of("csv.header-true-types-true-sqltypes-true",
            ", \"resultFormat\": \"csv\", \"header\": true, \"typesHeader\": true, \"sqlTypesHeader\": true", true,
            SelectFixtureBodies.CSV_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE));
  }

  @ParameterizedTest(name = "sql-select.{0}")
  @MethodSource("selectFixtures")
  void answersTheCapturedSelectWithDruidsBodyAndHeaders(String fixture, String fields, boolean header, String body)
      throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql", "{\"query\": " + JSON.writeValueAsString(SELECT) + fields + "}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(body);
    String queryId = response.headers().firstValue("X-Druid-SQL-Query-Id").orElseThrow();
    assertThat(response.headers().firstValue("X-Druid-Query-Id")).contains(queryId);
    assertThat(response.headers().firstValue("X-Druid-SQL-Header-Included")).isEqualTo(
        header ? java.util.Optional.of("yes") : java.util.Optional.empty());
    assertThat(response.headers().firstValue("X-Druid-Response-Context")).contains("{}");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  void answersTheTrailingSlashPathAndKeepsAGivenSqlQueryId() throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql/", "{\"query\": \"SELECT COUNT(*) AS c FROM wikipedia\", "
        + "\"resultFormat\": \"csv\", \"context\": {\"sqlQueryId\": \"my-id\"}}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("39244\n\n");
    assertThat(response.headers().firstValue("X-Druid-SQL-Query-Id")).contains("my-id");
    assertThat(response.headers().firstValue("X-Druid-Query-Id")).contains("my-id");
  }

  @Test
  void bindsDynamicParametersAsTheCapturedFixtureShows() throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql", "{\"query\": \"SELECT channel, COUNT(*) AS cnt FROM wikipedia"
        + " WHERE channel = ? GROUP BY channel\", \"resultFormat\": \"array\", \"header\": true, \"parameters\":"
        + " [{\"type\": \"VARCHAR\", \"value\": \"#en.wikipedia\"}], \"context\": {\"sqlQueryId\": \"fixture-params-1\"}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[[\"channel\",\"cnt\"],[\"#en.wikipedia\",11549]]\n");
    assertThat(response.headers().firstValue("X-Druid-SQL-Query-Id")).contains("fixture-params-1");
  }

  @Test
  void rejectsTypeHeadersWithoutHeaderWithDruidsBodyAndNoQueryId() throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql", "{\"query\": " + JSON.writeValueAsString(SELECT)
        + ", \"resultFormat\": \"object\", \"header\": false, \"typesHeader\": true}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(SelectFixtureBodies.OBJECT_HEADER_FALSE_TYPES_TRUE);
    assertThat(response.headers().firstValue("X-Druid-SQL-Query-Id")).isEmpty();
  }

  @Test
  void rejectsAnUnknownResultFormatWithDruidsBodyAndNoQueryId() throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql", "{\"query\": \"SELECT 1\", \"resultFormat\": \"xml\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"Unknown exception\",\"errorMessage\":\"Cannot construct "
        + "instance of `org.apache.druid.sql.http.ResultFormat`, problem: No enum constant "
        + "org.apache.druid.sql.http.ResultFormat.XML\\n at [Source: (org.eclipse.jetty.server.HttpInputOverHTTP); "
        + "line: 1, column: 39] (through reference chain: org.apache.druid.sql.http.SqlQuery[\\\"resultFormat\\\"])\","
        + "\"errorClass\":\"com.fasterxml.jackson.databind.exc.ValueInstantiationException\",\"host\":null}");
    assertThat(response.headers().firstValue("X-Druid-SQL-Query-Id")).isEmpty();
  }

  @Test
  void rejectsAMalformedBodyWithDruidsBody() throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql", "{not json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"Unknown exception\",\"errorMessage\":\"Unexpected character "
        + "('n' (code 110)): was expecting double-quote to start field name\\n at [Source: "
        + "(org.eclipse.jetty.server.HttpInputOverHTTP); line: 1, column: 3]\",\"errorClass\":"
        + "\"com.fasterxml.jackson.core.JsonParseException\",\"host\":null}");
  }

  static Stream<Arguments> planningErrorFixtures() {
    return Stream.of(
        Arguments.of("SELEC channel FROM wikipedia", "{\"error\":\"druidException\",\"errorCode\":\"invalidInput\","
            + "\"persona\":\"USER\",\"category\":\"INVALID_INPUT\",\"errorMessage\":\"Non-query expression encountered "
            + "in illegal context\",\"context\":{\"sourceType\":\"sql\"}}"),
        Arguments.of("SELECT * FROM no_such_table", "{\"error\":\"druidException\",\"errorCode\":\"invalidInput\","
            + "\"persona\":\"USER\",\"category\":\"INVALID_INPUT\",\"errorMessage\":\"Object 'no_such_table' not found "
            + "(line [1], column [15])\",\"context\":{\"sourceType\":\"sql\",\"line\":\"1\",\"column\":\"15\","
            + "\"endLine\":\"1\",\"endColumn\":\"27\"}}"),
        Arguments.of("SELECT no_such_column FROM wikipedia", "{\"error\":\"druidException\",\"errorCode\":\"invalidInput\","
            + "\"persona\":\"USER\",\"category\":\"INVALID_INPUT\",\"errorMessage\":\"Column 'no_such_column' not found "
            + "in any table (line [1], column [8])\",\"context\":{\"sourceType\":\"sql\",\"line\":\"1\",\"column\":\"8\","
            + "\"endLine\":\"1\",\"endColumn\":\"21\"}}"),
        Arguments.of("INSERT INTO wikipedia_x SELECT * FROM wikipedia PARTITIONED BY DAY", "{\"error\":\"druidException\","
            + "\"errorCode\":\"invalidInput\",\"persona\":\"USER\",\"category\":\"INVALID_INPUT\",\"errorMessage\":"
            + "\"INSERT operations are not supported by requested SQL engine [native], consider using MSQ.\","
            + "\"context\":{\"sourceType\":\"sql\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("planningErrorFixtures")
  void answersPlanningErrorsWithDruidsBodyAndQueryIdHeaders(String sql, String body) throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql", "{\"query\": " + JSON.writeValueAsString(sql) + "}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(body);
    assertThat(response.headers().firstValue("X-Druid-SQL-Query-Id")).isPresent();
    assertThat(response.headers().firstValue("X-Druid-Query-Id")).isPresent();
  }

  @Test
  void answersDeleteOfAnUnknownQueryIdWith404AndAnEmptyBody() throws Exception {
    HttpResponse<String> response = delete("/druid/v2/sql/no-such-query-id");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void cancelsARunningQueryWhichThenAnswersDruidsQueryCancelledBody() throws Exception {
    CompletableFuture<HttpResponse<String>> query = postAsync("/druid/v2/sql", "{\"query\": \"SELECT channel, "
        + "COUNT(*) AS c FROM wikipedia GROUP BY channel\", \"context\": {\"sqlQueryId\": \"fixture-cancel-1\"}}");

    HttpResponse<String> cancel = deleteUntilAccepted("/druid/v2/sql/fixture-cancel-1", query);
    assertThat(cancel.statusCode()).isEqualTo(202);
    assertThat(cancel.body()).isEmpty();

    HttpResponse<String> cancelled = query.get();
    String host = "localhost:" + server.apiServer().port();
    assertThat(cancelled.statusCode()).isEqualTo(500);
    assertThat(cancelled.body()).isEqualTo("{\"error\":\"Query cancelled\",\"errorClass\":"
        + "\"java.util.concurrent.CancellationException\",\"host\":\"" + host + "\",\"errorCode\":\"legacyQueryException\","
        + "\"persona\":\"OPERATOR\",\"category\":\"CANCELED\",\"errorMessage\":\"Task was cancelled.\",\"context\":"
        + "{\"host\":\"" + host + "\",\"errorClass\":\"java.util.concurrent.CancellationException\","
        + "\"legacyErrorCode\":\"Query cancelled\"}}");
    assertThat(cancelled.headers().firstValue("X-Druid-SQL-Query-Id")).contains("fixture-cancel-1");
    assertThat(delete("/druid/v2/sql/fixture-cancel-1").statusCode()).isEqualTo(404);
  }

  @Test
  void answersAQueryPastItsContextTimeoutWith504() throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql", "{\"query\": \"SELECT channel, COUNT(*) AS c FROM wikipedia "
        + "GROUP BY channel\", \"context\": {\"sqlQueryId\": \"slow-1\", \"timeout\": 1}}");
    assertThat(response.statusCode()).isEqualTo(504);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("error").asText()).isEqualTo("Query timeout");
    assertThat(body.path("errorClass").asText()).isEqualTo("org.apache.druid.query.QueryTimeoutException");
    assertThat(body.path("category").asText()).isEqualTo("TIMEOUT");
    assertThat(body.path("errorMessage").asText()).isEqualTo("Query [slow-1] timed out!");
  }

  private static HttpResponse<String> deleteUntilAccepted(String path, CompletableFuture<?> query) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline) && !query.isDone()) {
      HttpResponse<String> response = delete(path);
      if (response.statusCode() == 202) {
        return response;
      }
    }
    throw new AssertionError("the query was never seen running");
  }

  private static void awaitTaskSuccess(String taskId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/druid/indexer/v1/task/"
          + taskId + "/status")).GET().build(), HttpResponse.BodyHandlers.ofString());
      String code = JSON.readTree(status.body()).at("/status/statusCode").asText();
      if (code.equals("SUCCESS")) {
        return;
      }
      assertThat(code).as(status.body()).isNotEqualTo("FAILED");
      Thread.sleep(100); // the pause between polls, bounded by the deadline above
    }
    throw new AssertionError("task " + taskId + " did not finish in time");
  }

  @Test
  void streamsAWholeTableRowByRowWithoutALength() throws Exception {
    long rows = JSON.readTree(post("/druid/v2/sql", "{\"query\": \"SELECT COUNT(*) FROM wikipedia\", "
        + "\"resultFormat\": \"array\"}").body()).get(0).get(0).asLong();
    HttpResponse<java.io.InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/druid/v2/sql"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"SELECT * FROM wikipedia\", "
            + "\"resultFormat\": \"arrayLines\"}")).build(), HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    // Written as the rows are read: chunked, never one buffered body of known length.
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    long lines = 0;
    String last = null;
    try (java.io.BufferedReader body = new java.io.BufferedReader(
        new java.io.InputStreamReader(response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
      for (String line = body.readLine(); line != null; line = body.readLine()) {
        lines++;
        last = line;
      }
    }
    // One line per row, then arrayLines' trailer: one blank line.
    assertThat(rows).isEqualTo(39244);
    assertThat(lines).isEqualTo(rows + 1);
    assertThat(last).isEmpty();
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return postAsync(path, body).get();
  }

  private static CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> delete(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
