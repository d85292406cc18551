package io.msqbeam.server.task;

import static io.msqbeam.server.task.SampleData.WIKITICKER_BASE_DIR;
import static io.msqbeam.server.task.SampleData.WIKITICKER_EXTERN;
import static io.msqbeam.server.task.SampleData.wikitickerInsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end over loopback HTTP: the wikiticker INSERT of fixture msq-a on the
 * DirectRunner, task status and reports, planning errors, a runtime fault, shutdown, SQL queries of
 * the published segments, and a restart on the same data dir.
 */
class WikitickerIngestionIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Captures from a real Druid 33 (copied from shared/fixtures/druid-real/msq-task). */
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();


  @TempDir
  Path dataDir;



  @Test
  void ingestsWikitickerAndServesItsStatusReportsAndQueries() throws Exception {
    ServerComponents server = start();
    TaskApi api = new TaskApi(server);

    HttpResponse<String> submit = api.post("/druid/v2/sql/task", body(wikitickerInsert("wikipedia", "TIME_PARSE(\"time\")"), "msq-a"));
    assertThat(submit.statusCode()).isEqualTo(202);
    assertThat(submit.body()).isEqualTo("{\"taskId\":\"query-msq-a\",\"state\":\"RUNNING\"}");

    JsonNode status = api.awaitTerminal("query-msq-a");
    assertThat(status.path("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(status.path("runnerStatusCode").asText()).isEqualTo("WAITING");
    assertThat(status.path("type").asText()).isEqualTo("query_controller");
    assertThat(status.path("dataSource").asText()).isEqualTo("wikipedia");
    assertThat(status.path("duration").asLong()).isPositive();
    assertThat(fieldNames(status)).containsExactly("id", "groupId", "type", "createdTime", "queueInsertionTime",
        "statusCode", "status", "runnerStatusCode", "duration", "location", "dataSource", "errorMsg");

    JsonNode report = JSON.readTree(api.get("/druid/indexer/v1/task/query-msq-a/reports").body());
    JsonNode payload = report.path("multiStageQuery").path("payload");
    assertThat(payload.path("status").path("status").asText()).isEqualTo("SUCCESS");
    JsonNode input = payload.path("counters").path("0").path("0").path("input0");
    assertThat(input.path("rows").get(0).asLong()).isEqualTo(39244);
    assertThat(input.path("bytes").get(0).asLong()).isEqualTo(17106256);
    assertThat(input.path("files").get(0).asLong()).isEqualTo(1);
    assertThat(payload.path("counters").path("1").path("0").path("segmentGenerationProgress").path("rowsPushed").asLong())
        .isEqualTo(39244);
    assertThat(payload.path("stages").get(0).path("definition").path("processor").path("type").asText()).isEqualTo("scan");
    assertThat(payload.path("stages").get(1).path("definition").path("processor").path("type").asText())
        .isEqualTo("segmentGenerator");
    assertThat(report.path("taskContext").path("type").asText()).isEqualTo("taskContext");

    assertThat(api.sql("SELECT COUNT(*) AS c FROM wikipedia", "object")).isEqualTo("[{\"c\":39244}]\n");
    JsonNode channels = JSON.readTree(api.sql("SELECT channel, COUNT(*) FROM wikipedia GROUP BY 1 ORDER BY 2 DESC", "array"));
    assertThat(channels).hasSize(51);
    assertThat(channels.get(0).toString()).isEqualTo("[\"#en.wikipedia\",11549]");
    assertThat(channels.get(1).toString()).isEqualTo("[\"#vi.wikipedia\",9747]");

    // COUNT(DISTINCT) is approximate by default, with Druid's exact estimates (druid-behaviour.md §10b).
    assertThat(api.sql("SELECT COUNT(DISTINCT \"user\"), COUNT(DISTINCT page), COUNT(DISTINCT namespace),"
        + " COUNT(DISTINCT countryName), COUNT(DISTINCT channel) FROM wikipedia", "array"))
        .isEqualTo("[[10730,35310,261,111,51]]\n");

    // SELECT on the task engine (fixture msq-d): the results are in the report, the status says __query_select.
    api.post("/druid/v2/sql/task", body("SELECT channel, COUNT(*) AS edits, SUM(added) AS total_added\nFROM"
        + " \"wikipedia\"\nGROUP BY channel\nORDER BY edits DESC\nLIMIT 10", "msq-d"));
    JsonNode selectStatus = api.awaitTerminal("query-msq-d");
    assertThat(selectStatus.path("dataSource").asText()).isEqualTo("__query_select");
    JsonNode results = JSON.readTree(api.get("/druid/indexer/v1/task/query-msq-d/reports").body())
        .at("/multiStageQuery/payload/results");
    JsonNode expected = JSON.readTree(java.nio.file.Files.readString(FIXTURES.resolve(
        "msq-d-select-taskengine.reports.final.json"))).at("/multiStageQuery/payload/results");
    assertThat(results).isEqualTo(expected);

    // REPLACE … OVERWRITE ALL with EXTEND (fixture msq-c): the new version replaces the old segment.
    api.post("/druid/v2/sql/task", body("REPLACE INTO \"wikipedia\" OVERWRITE ALL\nSELECT TIME_PARSE(\"time\") AS"
        + " __time, channel, cityName, comment, countryIsoCode, countryName, isAnonymous, isMinor, isNew, isRobot,"
        + " isUnpatrolled, metroCode, namespace, page, regionIsoCode, regionName, \"user\", delta, added, deleted\n"
        + "FROM TABLE(EXTERN('{\"type\":\"local\",\"baseDir\":\"" + WIKITICKER_BASE_DIR + "\",\"filter\":"
        + "\"wikiticker-2015-09-12-sampled.json.gz\"}', '{\"type\":\"json\"}')) EXTEND (\"time\" VARCHAR,"
        + " \"channel\" VARCHAR, \"cityName\" VARCHAR, \"comment\" VARCHAR, \"countryIsoCode\" VARCHAR,"
        + " \"countryName\" VARCHAR, \"isAnonymous\" VARCHAR, \"isMinor\" VARCHAR, \"isNew\" VARCHAR, \"isRobot\""
        + " VARCHAR, \"isUnpatrolled\" VARCHAR, \"metroCode\" BIGINT, \"namespace\" VARCHAR, \"page\" VARCHAR,"
        + " \"regionIsoCode\" VARCHAR, \"regionName\" VARCHAR, \"user\" VARCHAR, \"delta\" BIGINT, \"added\""
        + " BIGINT, \"deleted\" BIGINT)\nPARTITIONED BY DAY", "msq-c"));
    assertThat(api.awaitTerminal("query-msq-c").path("statusCode").asText()).isEqualTo("SUCCESS");
    assertThat(api.sql("SELECT COUNT(*) AS c FROM wikipedia", "object")).isEqualTo("[{\"c\":39244}]\n");
    assertThat(server.metadataStore().segments().usedSegments("wikipedia")).hasSize(1);

    // A runtime fault: the task fails with InsertTimeNull and publishes nothing.
    api.post("/druid/v2/sql/task", body(wikitickerInsert("wikipedia_err", "TIME_PARSE(\"channel\")"), "e6"));
    JsonNode failed = api.awaitTerminal("query-e6");
    assertThat(failed.path("statusCode").asText()).isEqualTo("FAILED");
    assertThat(failed.path("errorMsg").asText())
        .isEqualTo("InsertTimeNull: Null timestamp (__time) encountered during INSERT or REPLACE.");
    JsonNode failedReport = JSON.readTree(api.get("/druid/indexer/v1/task/query-e6/reports").body());
    assertThat(failedReport.at("/multiStageQuery/payload/status/errorReport/error/errorCode").asText())
        .isEqualTo("InsertTimeNull");
    assertThat(api.post("/druid/v2/sql", "{\"query\":\"SELECT COUNT(*) FROM wikipedia_err\"}").statusCode())
        .isEqualTo(400);

    // Shutdown: the task ends FAILED/Canceled and nothing is published.
    api.post("/druid/v2/sql/task", body(wikitickerInsert("wikipedia_shutdown", "TIME_PARSE(\"time\")"), "f"));
    HttpResponse<String> shutdown = api.post("/druid/indexer/v1/task/query-f/shutdown", "");
    assertThat(shutdown.statusCode()).isEqualTo(200);
    assertThat(shutdown.body()).isEqualTo("{\"task\":\"query-f\"}");
    JsonNode canceled = api.awaitTerminal("query-f");
    assertThat(canceled.path("statusCode").asText()).isEqualTo("FAILED");
    assertThat(canceled.path("errorMsg").asText()).isEqualTo("Shutdown request from user");
    assertThat(JSON.readTree(api.get("/druid/indexer/v1/task/query-f/reports").body())
        .at("/multiStageQuery/payload/status/errorReport/error/errorCode").asText()).isEqualTo("Canceled");
    assertThat(api.post("/druid/v2/sql", "{\"query\":\"SELECT COUNT(*) FROM wikipedia_shutdown\"}").statusCode())
        .isEqualTo(400);

    // Restart on the same data dir: the data and the old task's status and report are still there.
    server.close();
    ServerComponents restarted = start();
    TaskApi api2 = new TaskApi(restarted);
    try {
      assertThat(api2.sql("SELECT COUNT(*) AS c FROM wikipedia", "object")).isEqualTo("[{\"c\":39244}]\n");
      JsonNode oldStatus = JSON.readTree(api2.get("/druid/indexer/v1/task/query-msq-a/status").body());
      assertThat(oldStatus.at("/status/statusCode").asText()).isEqualTo("SUCCESS");
      assertThat(JSON.readTree(api2.get("/druid/indexer/v1/task/query-msq-a/reports").body())
          .at("/multiStageQuery/payload/counters/0/0/input0/rows/0").asLong()).isEqualTo(39244);
    } finally {
      restarted.close();
    }
  }

  @Test
  void rollsUpByHourAndSelectsStraightFromExtern() throws Exception {
    ServerComponents server = start();
    TaskApi api = new TaskApi(server);
    try {
      // Fixture msq-b: GROUP BY hour, channel, countryName gives 2,118 rows in 24 HOUR segments.
      api.post("/druid/v2/sql/task", body("INSERT INTO \"wikipedia_rollup\"\nSELECT TIME_FLOOR(TIME_PARSE(\"time\"),"
          + " 'PT1H') AS __time, channel, countryName, COUNT(*) AS \"count\", SUM(added) AS sum_added\nFROM " + WIKITICKER_EXTERN
          + "\nGROUP BY 1, 2, 3\nPARTITIONED BY HOUR\nCLUSTERED BY channel", "msq-b"));
      assertThat(api.awaitTerminal("query-msq-b").path("statusCode").asText()).isEqualTo("SUCCESS");
      assertThat(server.metadataStore().segments().usedSegments("wikipedia_rollup")).hasSize(24);
      assertThat(api.sql("SELECT COUNT(*) AS c, SUM(\"count\") AS n, SUM(sum_added) AS a FROM wikipedia_rollup",
          "array")).isEqualTo("[[2118,39244,9385573]]\n");

      // Fixture msq-d2: SELECT from EXTERN with a filter and LIMIT 5 on the task engine.
      api.post("/druid/v2/sql/task", body("SELECT TIME_PARSE(\"time\") AS __time, channel, page, added\nFROM "
          + WIKITICKER_EXTERN + "\nWHERE channel = '#en.wikipedia'\nLIMIT 5", "msq-d2"));
      assertThat(api.awaitTerminal("query-msq-d2").path("statusCode").asText()).isEqualTo("SUCCESS");
      JsonNode results = JSON.readTree(api.get("/druid/indexer/v1/task/query-msq-d2/reports").body())
          .at("/multiStageQuery/payload/results");
      assertThat(results.path("sqlTypeNames").toString()).isEqualTo("[\"TIMESTAMP\",\"VARCHAR\",\"VARCHAR\",\"BIGINT\"]");
      assertThat(results.path("results")).hasSize(5);
      results.path("results").forEach(row -> assertThat(row.get(1).asText()).isEqualTo("#en.wikipedia"));
      assertThat(results.path("results").get(0).get(0).isNumber()).isTrue();
    } finally {
      server.close();
    }
  }

  @Test
  void answersPlanningErrorsWithDruidsBodiesAndCreatesNoTask() throws Exception {
    ServerComponents server = start();
    TaskApi api = new TaskApi(server);
    try {
      HttpResponse<String> badSql = api.post("/druid/v2/sql/task", body("SELEC channel FROM wikipedia", "e1"));
      assertThat(badSql.statusCode()).isEqualTo(400);
      assertThat(badSql.body()).isEqualTo("{\"taskId\":\"e1\",\"state\":\"FAILED\",\"error\":{\"error\":\"druidException\","
          + "\"errorCode\":\"invalidInput\",\"persona\":\"USER\",\"category\":\"INVALID_INPUT\","
          + "\"errorMessage\":\"Non-query expression encountered in illegal context\",\"context\":{\"sourceType\":\"sql\"}}}");

      HttpResponse<String> noPartition = api.post("/druid/v2/sql/task",
          body("INSERT INTO w SELECT TIME_PARSE(\"time\") AS __time, channel FROM " + WIKITICKER_EXTERN, "e2"));
      assertThat(noPartition.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(noPartition.body()).at("/error/errorMessage").asText())
          .isEqualTo("Operation [INSERT] requires a PARTITIONED BY to be explicitly defined, but none was found.");

      HttpResponse<String> unknownColumn = api.post("/druid/v2/sql/task",
          body("INSERT INTO w\nSELECT TIME_PARSE(\"time\") AS __time, no_such_column FROM " + WIKITICKER_EXTERN + " PARTITIONED BY DAY", "e5"));
      assertThat(unknownColumn.statusCode()).isEqualTo(400);
      JsonNode error = JSON.readTree(unknownColumn.body()).path("error");
      assertThat(error.path("errorMessage").asText()).isEqualTo("Column 'no_such_column' not found in any table (line [2], column [38])");
      assertThat(error.at("/context/line").asText()).isEqualTo("2");

      for (String id : List.of("query-e1", "query-e2", "query-e5", "e1")) {
        HttpResponse<String> status = api.get("/druid/indexer/v1/task/" + id + "/status");
        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(status.body()).isEqualTo("Cannot find any task with id: [" + id + "]");
      }
    } finally {
      server.close();
    }
  }

  private ServerComponents start() {
    ServerComponents server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    return server;
  }

  private static String body(String sql, String sqlQueryId) throws Exception {
    return TaskApi.body(sql, sqlQueryId, java.util.Map.of());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

}
