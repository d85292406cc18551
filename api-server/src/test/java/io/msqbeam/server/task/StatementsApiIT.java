package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Druid's statements API (druid-behaviour.md §5.5) end to end over loopback HTTP: statements run as MSQ
 * tasks of the task engine, their status, results in every format and cancel, and Druid's errors.
 *
 * <p>Expected shapes come from Druid's {@code SqlStatementResource} and {@code SqlStatementResourceTest}
 * and the "Query from deep storage" section of {@code api-reference/sql-api.md}; rows from Druid's
 * {@code foo} table ({@code foo-rows.json}).
 */
class StatementsApiIT extends ServerPerTest {
  private static final String STATEMENTS = "/druid/v2/sql/statements";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void runsASelectAsAnMsqTaskAndServesItsStatusAndResultsInEveryFormat() throws Exception {
    assertThat(api.run("INSERT INTO foo " + SampleData.FOO_SELECT + " PARTITIONED BY ALL", "ingestfoo", Map.of())
        .path("statusCode").asText()).isEqualTo("SUCCESS");
    String sql = "SELECT dim1, m1 FROM foo";

    HttpResponse<String> submit = api.post(STATEMENTS, statement(sql, "st1", Map.of()));
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(200);
    JsonNode submitted = TaskApi.JSON.readTree(submit.body());
    // Druid's POST answers with the status of the task it just queued (fields as in sql-api.md's sample).
    assertThat(fieldNames(submitted)).containsExactly("queryId", "state", "createdAt", "schema", "durationMs");
    assertThat(submitted.path("queryId").asText()).isEqualTo("query-st1");
    assertThat(submitted.path("state").asText()).isIn("ACCEPTED", "RUNNING", "SUCCESS");
    assertThat(submitted.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    String schema = "[{\"name\":\"dim1\",\"type\":\"VARCHAR\",\"nativeType\":\"STRING\"},"
        + "{\"name\":\"m1\",\"type\":\"DOUBLE\",\"nativeType\":\"DOUBLE\"}]";
    assertThat(submitted.path("schema").toString()).isEqualTo(schema);

    JsonNode done = awaitState("query-st1", "SUCCESS");
    // The statement is an MSQ task: the task API answers for it, and its report holds the rows.
    assertThat(api.awaitTerminal("query-st1").path("statusCode").asText()).isEqualTo("SUCCESS");
    JsonNode reportRows = api.report("query-st1").at("/multiStageQuery/payload/results/results");
    // foo's dim1 and m1 in time order (foo-rows.json).
    assertThat(reportRows.toString())
        .isEqualTo("[[\"\",1.0],[\"10.1\",2.0],[\"2\",3.0],[\"1\",4.0],[\"def\",5.0],[\"abc\",6.0]]");

    assertThat(fieldNames(done)).containsExactly("queryId", "state", "createdAt", "schema", "durationMs", "result");
    assertThat(done.path("schema").toString()).isEqualTo(schema);
    assertThat(done.path("durationMs").asLong()).isPositive();
    JsonNode result = done.path("result");
    assertThat(fieldNames(result))
        .containsExactly("numTotalRows", "totalSizeInBytes", "dataSource", "sampleRecords", "pages");
    assertThat(result.path("numTotalRows").asLong()).isEqualTo(6);
    long size = 0;
    for (JsonNode row : reportRows) {
      size += TaskApi.JSON.writeValueAsBytes(row).length;
    }
    assertThat(result.path("totalSizeInBytes").asLong()).isEqualTo(size);
    assertThat(result.path("dataSource").asText()).isEqualTo("__query_select");
    assertThat(result.path("sampleRecords")).isEqualTo(reportRows);
    assertThat(result.path("pages").toString())
        .isEqualTo("[{\"id\":0,\"numRows\":6,\"sizeInBytes\":" + size + "}]");

    // Every result format: the same bytes the SQL API gives for the same rows (no header rows).
    for (String format : List.of("object", "array", "objectLines", "arrayLines", "csv")) {
      HttpResponse<String> rows = api.get(STATEMENTS + "/query-st1/results?resultFormat=" + format);
      assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
      assertThat(rows.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/json"));
      assertThat(rows.body()).as(format).isEqualTo(api.sql(sql, format));
    }
    assertThat(api.get(STATEMENTS + "/query-st1/results").body()).isEqualTo(api.sql(sql, "object"));
    assertThat(api.get(STATEMENTS + "/query-st1/results?page=0&resultFormat=array").body())
        .isEqualTo(api.sql(sql, "array"));

    // With detail: the report's stages, counters and warnings.
    JsonNode detailed = TaskApi.JSON.readTree(api.get(STATEMENTS + "/query-st1?detail=true").body());
    assertThat(fieldNames(detailed)).containsExactly("queryId", "state", "createdAt", "schema", "durationMs",
        "result", "stages", "counters", "warnings");
    JsonNode payload = api.report("query-st1").at("/multiStageQuery/payload");
    assertThat(detailed.path("stages")).isEqualTo(payload.path("stages"));
    assertThat(detailed.path("counters")).isEqualTo(payload.path("counters"));
    assertThat(detailed.path("warnings").toString()).isEqualTo("[]");

    // A finished statement: DELETE is a no-op (200), and the results stay.
    assertThat(delete(STATEMENTS + "/query-st1").statusCode()).isEqualTo(200);
    assertThat(api.get(STATEMENTS + "/query-st1/results?resultFormat=csv").body()).isEqualTo(api.sql(sql, "csv"));
  }

  @Test
  void servesTimestampsAsTheReportHoldsThemInTheFormatChosenAtSubmit() throws Exception {
    assertThat(api.run("INSERT INTO foo " + SampleData.FOO_SELECT + " PARTITIONED BY ALL", "ingestfoo", Map.of())
        .path("statusCode").asText()).isEqualTo("SUCCESS");
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("query", "SELECT __time, dim1 FROM foo WHERE m1 < ?");
    request.put("resultFormat", "arrayLines");
    request.put("parameters", List.of(Map.of("type", "DOUBLE", "value", 3.0)));
    request.put("context", Map.of("executionMode", "async", "sqlQueryId", "ts"));
    HttpResponse<String> submit = api.post(STATEMENTS, TaskApi.JSON.writeValueAsString(request));
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(200);
    assertThat(TaskApi.JSON.readTree(submit.body()).path("schema").toString()).isEqualTo(
        "[{\"name\":\"__time\",\"type\":\"TIMESTAMP\",\"nativeType\":\"LONG\"},"
            + "{\"name\":\"dim1\",\"type\":\"VARCHAR\",\"nativeType\":\"STRING\"}]");
    JsonNode done = awaitState("query-ts", "SUCCESS");
    assertThat(done.path("schema")).isEqualTo(TaskApi.JSON.readTree(submit.body()).path("schema"));

    // The results are the report's values: TIMESTAMP as epoch millis, as in sql-api.md's results sample;
    // without resultFormat the format of the POST (arrayLines) applies.
    HttpResponse<String> rows = api.get(STATEMENTS + "/query-ts/results?filename=foo%20rows.txt");
    assertThat(rows.statusCode()).isEqualTo(200);
    assertThat(rows.body()).isEqualTo("[946684800000,\"\"]\n[946771200000,\"10.1\"]\n\n");
    assertThat(rows.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"foo rows.txt\"");
    assertThat(api.get(STATEMENTS + "/query-ts/results?resultFormat=object").body())
        .isEqualTo("[{\"__time\":946684800000,\"dim1\":\"\"},{\"__time\":946771200000,\"dim1\":\"10.1\"}]\n");

    // Druid's refusals of bad pages, formats and file names (SqlStatementResource).
    assertError(api.get(STATEMENTS + "/query-ts/results?page=1"), 400, "invalidInput", "USER", "INVALID_INPUT",
        "Page number [1] is out of the range of results");
    assertError(api.get(STATEMENTS + "/query-ts/results?page=-1"), 400, "general", "USER", "INVALID_INPUT",
        "Page cannot be negative. Please pass a positive number.");
    assertError(api.get(STATEMENTS + "/query-ts/results?resultFormat=xml"), 500, "general", "DEVELOPER",
        "UNCATEGORIZED", "Failed to handle query [query-ts]");
    assertError(api.get(STATEMENTS + "/query-ts/results?filename=a%2Fb"), 400, "invalidInput", "USER",
        "INVALID_INPUT", "Filename contains invalid characters. (/, \\, :, *, ?, \", <, >, |, \0, \n, or \r)");
    assertError(api.get(STATEMENTS + "/query-ts/results?filename="), 400, "invalidInput", "USER",
        "INVALID_INPUT", "Filename cannot be empty.");
  }

  @Test
  void ingestsThroughStatementsAndCancelsARunningOne() throws Exception {
    // A long INSERT (39,244 rows), cancelled while it runs.
    HttpResponse<String> submit = api.post(STATEMENTS,
        statement(SampleData.wikitickerInsert("wiki_st", "TIME_PARSE(\"time\")"), "long", Map.of()));
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(200);
    JsonNode submitted = TaskApi.JSON.readTree(submit.body());
    assertThat(fieldNames(submitted)).containsExactly("queryId", "state", "createdAt", "durationMs");
    assertThat(submitted.path("durationMs").asLong()).isEqualTo(-1);

    JsonNode running = awaitState("query-long", "RUNNING");
    assertThat(running.has("schema")).isFalse();
    assertError(api.get(STATEMENTS + "/query-long/results"), 400, "general", "USER", "INVALID_INPUT",
        "Query[query-long] is currently in [RUNNING] state. Please wait for it to complete.");
    JsonNode runningDetail = TaskApi.JSON.readTree(api.get(STATEMENTS + "/query-long?detail=true").body());
    assertThat(fieldNames(runningDetail)).containsExactly("queryId", "state", "createdAt", "durationMs", "stages",
        "counters", "warnings");

    // A second INSERT into the same datasource waits for the first's write lock: ACCEPTED (queued, no
    // location yet), and cancelled from there.
    HttpResponse<String> queued = api.post(STATEMENTS,
        statement(SampleData.wikitickerInsert("wiki_st", "TIME_PARSE(\"time\")"), "queued", Map.of()));
    assertThat(TaskApi.JSON.readTree(queued.body()).path("state").asText()).isEqualTo("ACCEPTED");
    assertThat(TaskApi.JSON.readTree(api.get(STATEMENTS + "/query-queued").body()).path("state").asText())
        .isEqualTo("ACCEPTED");
    assertError(api.get(STATEMENTS + "/query-queued/results"), 400, "general", "USER", "INVALID_INPUT",
        "Query[query-queued] is currently in [ACCEPTED] state. Please wait for it to complete.");
    assertThat(delete(STATEMENTS + "/query-queued").statusCode()).isEqualTo(202);
    assertThat(awaitState("query-queued", "FAILED").at("/errorDetails/errorCode").asText()).isEqualTo("Canceled");

    HttpResponse<String> cancel = delete(STATEMENTS + "/query-long");
    assertThat(cancel.statusCode()).isEqualTo(202);
    assertThat(cancel.body()).isEmpty();
    JsonNode canceled = awaitState("query-long", "FAILED");
    // Druid's statement view of a cancelled task: the report's Canceled fault, no schema, duration -1.
    assertThat(canceled.toString()).isEqualTo("{\"queryId\":\"query-long\",\"state\":\"FAILED\",\"createdAt\":\""
        + canceled.path("createdAt").asText() + "\",\"durationMs\":-1,\"errorDetails\":{\"error\":\"druidException\","
        + "\"errorCode\":\"Canceled\",\"persona\":\"USER\",\"category\":\"UNCATEGORIZED\",\"errorMessage\":"
        + "\"Query canceled by user or by task shutdown.\",\"context\":{}}}");
    assertThat(api.awaitTerminal("query-long").path("errorMsg").asText()).isEqualTo("Shutdown request from user");
    assertError(api.get(STATEMENTS + "/query-long/results"), 400, "general", "USER", "INVALID_INPUT",
        "Query[query-long] failed. Check the status api for more details.");
    assertThat(delete(STATEMENTS + "/query-long").statusCode()).isEqualTo(200);
    assertThat(server.metadataStore().segments().usedSegments("wiki_st")).isEmpty();

    // An INSERT that succeeds: the rows its segment generator pushed, and an empty results body.
    api.post(STATEMENTS, statement("INSERT INTO foo_st " + SampleData.FOO_SELECT + " PARTITIONED BY ALL", "ins",
        Map.of()));
    JsonNode inserted = awaitState("query-ins", "SUCCESS");
    assertThat(inserted.path("result").toString())
        .isEqualTo("{\"numTotalRows\":6,\"totalSizeInBytes\":0,\"dataSource\":\"foo_st\"}");
    HttpResponse<String> noRows = api.get(STATEMENTS + "/query-ins/results");
    assertThat(noRows.statusCode()).isEqualTo(200);
    assertThat(noRows.body()).isEmpty();
    assertThat(api.sql("SELECT COUNT(*) AS c FROM foo_st", "array")).isEqualTo("[[6]]\n");

    // A fault: the report's error, its extra fields as strings in the context.
    api.post(STATEMENTS, statement("INSERT INTO null_st SELECT TIME_PARSE(dim1) AS __time, m1 FROM "
        + SampleData.FOO_EXTERN + " PARTITIONED BY ALL", "nulltime", Map.of()));
    JsonNode failed = awaitState("query-nulltime", "FAILED");
    JsonNode error = api.report("query-nulltime").at("/multiStageQuery/payload/status/errorReport/error");
    JsonNode details = failed.path("errorDetails");
    assertThat(details.path("errorCode").asText()).isEqualTo(error.path("errorCode").asText())
        .isEqualTo("InsertTimeNull");
    assertThat(details.path("errorMessage").asText())
        .isEqualTo("Null timestamp (__time) encountered during INSERT or REPLACE.");
    Set<String> contextKeys = new java.util.LinkedHashSet<>(fieldNames(error));
    contextKeys.removeAll(Set.of("errorCode", "errorMessage"));
    assertThat(fieldNames(details.path("context"))).containsExactlyElementsOf(contextKeys);
  }

  @Test
  void answersDruidsErrorsForBadSubmissionsAndUnknownIds() throws Exception {
    assertError(api.post(STATEMENTS, TaskApi.JSON.writeValueAsString(Map.of("query", "SELECT 1"))), 400,
        "invalidInput", "USER", "INVALID_INPUT", "Execution mode is not provided to the sql statement api. Please set"
            + " [executionMode] to [ASYNC] in the query context");
    assertError(api.post(STATEMENTS, statementWith("SELECT 1", Map.of("executionMode", "SYNC"))), 400,
        "invalidInput", "USER", "INVALID_INPUT", "The sql statement api currently does not support the provided"
            + " execution mode [SYNC]. Please set [executionMode] to [ASYNC] in the query context");
    assertError(api.post(STATEMENTS, statement("SELECT 1", "dur", Map.of("selectDestination", "durableStorage"))),
        400, "invalidInput", "USER", "INVALID_INPUT", "The sql statement api cannot read from the select destination"
            + " [durableStorage] provided in the query context [selectDestination] since it is not configured on the"
            + " broker. It is recommended to configure durable storage as it allows the user to fetch large result"
            + " sets. Please contact your cluster admin to configure durable storage.");
    assertError(api.post(STATEMENTS, statement("SELECT 1", "rf", Map.of("__resultFormat", "csv"))), 400,
        "invalidInput", "USER", "INVALID_INPUT", "Query context parameter [__resultFormat] is not allowed");
    // A value that is no ExecutionMode: Druid's query-context parse failure, in its legacy shape.
    HttpResponse<String> badMode = api.post(STATEMENTS, statementWith("SELECT 1", Map.of("executionMode", "soon")));
    assertThat(badMode.statusCode()).isEqualTo(400);
    JsonNode badModeBody = TaskApi.JSON.readTree(badMode.body());
    assertThat(badModeBody.path("error").asText()).isEqualTo("Query context parse failed");
    assertThat(badModeBody.path("errorMessage").asText())
        .isEqualTo("Expected key [executionMode] to be a value of enum [ExecutionMode], but got [soon]");
    // A planning error: Druid's error body itself (not wrapped as the task door wraps it), and no task.
    HttpResponse<String> badSql = api.post(STATEMENTS, statement("SELECT nope FROM foo", "badsql", Map.of()));
    assertThat(badSql.statusCode()).isEqualTo(400);
    assertThat(fieldNames(TaskApi.JSON.readTree(badSql.body())))
        .containsExactly("error", "errorCode", "persona", "category", "errorMessage", "context");
    assertThat(api.get("/druid/indexer/v1/task/query-badsql/status").statusCode()).isEqualTo(404);

    String notFound = "{\"error\":\"druidException\",\"errorCode\":\"notFound\",\"persona\":\"USER\",\"category\":"
        + "\"NOT_FOUND\",\"errorMessage\":\"Query [query-nope] was not found. The query details are no longer present"
        + " or might not be of the type [query_controller]. Verify that the id is correct.\",\"context\":{}}";
    for (HttpResponse<String> response : List.of(api.get(STATEMENTS + "/query-nope"),
        api.get(STATEMENTS + "/query-nope/results"), delete(STATEMENTS + "/query-nope"))) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).isEqualTo(notFound);
    }
    HttpResponse<String> enabled = api.get(STATEMENTS + "/enabled");
    assertThat(enabled.statusCode()).isEqualTo(200);
    assertThat(enabled.body()).isEqualTo("{\"enabled\":true}");
  }

  private static String statement(String sql, String sqlQueryId, Map<String, Object> context) throws Exception {
    Map<String, Object> withMode = new LinkedHashMap<>(context);
    withMode.put("executionMode", "ASYNC");
    withMode.put("sqlQueryId", sqlQueryId);
    return statementWith(sql, withMode);
  }

  private static String statementWith(String sql, Map<String, Object> context) throws Exception {
    return TaskApi.JSON.writeValueAsString(Map.of("query", sql, "context", context));
  }

  /** Polls the statement's status until it reaches {@code state}, failing after a deadline. */
  private JsonNode awaitState(String queryId, String state) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    JsonNode status = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = api.get(STATEMENTS + "/" + queryId);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      status = TaskApi.JSON.readTree(response.body());
      if (status.path("state").asText().equals(state)) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("statement " + queryId + " did not reach " + state + ": " + status);
  }

  private HttpResponse<String> delete(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.apiServer().port() + path))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(HttpResponse<String> response, int status, String errorCode, String persona,
      String category, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = TaskApi.JSON.readTree(response.body());
    assertThat(fieldNames(body)).containsExactly("error", "errorCode", "persona", "category", "errorMessage",
        "context");
    assertThat(body.path("error").asText()).isEqualTo("druidException");
    assertThat(body.path("errorCode").asText()).isEqualTo(errorCode);
    assertThat(body.path("persona").asText()).isEqualTo(persona);
    assertThat(body.path("category").asText()).isEqualTo(category);
    assertThat(body.path("errorMessage").asText()).isEqualTo(message);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
