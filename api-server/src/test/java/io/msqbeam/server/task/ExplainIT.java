package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code EXPLAIN PLAN FOR} through both doors over real HTTP: not run (no task, nothing written), answered
 * as a SQL API result with Druid's PLAN, RESOURCES and ATTRIBUTES columns. RESOURCES and ATTRIBUTES are
 * compared with the strings Druid's own tests expect (CalciteInsertDmlTest, CalciteReplaceDmlTest,
 * ExplainAttributesTest); PLAN is checked for the native query's shape.
 */
class ExplainIT {
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

  private static JsonNode explainRow(String path, String sql, String sqlQueryId) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", sql);
    body.put("resultFormat", "object");
    body.put("context", Map.of("sqlQueryId", sqlQueryId));
    HttpResponse<String> response = api.post(path, TaskApi.JSON.writeValueAsString(body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode rows = TaskApi.JSON.readTree(response.body());
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void explainsAnInsertWithoutRunningIt() throws Exception {
    JsonNode row = explainRow("/druid/v2/sql/task", "EXPLAIN PLAN FOR INSERT INTO dst " + SampleData.SAMPLED_SELECT
        + " PARTITIONED BY DAY", "explain-insert");

    assertThat(row.path("RESOURCES").asText())
        .isEqualTo("[{\"name\":\"EXTERNAL\",\"type\":\"EXTERNAL\"},{\"name\":\"dst\",\"type\":\"DATASOURCE\"}]");
    assertThat(row.path("ATTRIBUTES").asText()).isEqualTo("{\"statementType\":\"INSERT\","
        + "\"targetDataSource\":{\"type\":\"table\",\"tableName\":\"dst\"},\"partitionedBy\":\"DAY\"}");
    JsonNode plan = TaskApi.JSON.readTree(row.path("PLAN").asText());
    assertThat(plan).hasSize(1);
    assertThat(plan.at("/0/query/queryType").asText()).isEqualTo("scan");
    assertThat(plan.at("/0/query/dataSource/type").asText()).isEqualTo("external");
    assertThat(plan.at("/0/query/dataSource/inputSource/filter").asText()).isEqualTo("wikipedia-sampled.json");
    assertThat(plan.at("/0/columnMappings").findValuesAsText("outputColumn")).containsExactly("__time", "channel", "added");
    assertThat(plan.at("/0/signature")).hasSize(3);
    // Nothing ran: no task, no datasource.
    assertThat(api.get("/druid/indexer/v1/task/query-explain-insert/status").statusCode()).isEqualTo(404);
    assertThat(api.sqlArray("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'dst'"))
        .isEqualTo(TaskApi.JSON.readTree("[[0]]"));
  }

  @Test
  void explainsAReplaceWithItsClusteringAndTimeChunks() throws Exception {
    JsonNode all = explainRow("/druid/v2/sql/task", "EXPLAIN PLAN FOR REPLACE INTO dst OVERWRITE ALL"
        + " SELECT __time, channel, added FROM w PARTITIONED BY ALL CLUSTERED BY channel", "explain-replace");
    assertThat(all.path("RESOURCES").asText())
        .isEqualTo("[{\"name\":\"dst\",\"type\":\"DATASOURCE\"},{\"name\":\"w\",\"type\":\"DATASOURCE\"}]");
    assertThat(all.path("ATTRIBUTES").asText()).isEqualTo("{\"statementType\":\"REPLACE\","
        + "\"targetDataSource\":{\"type\":\"table\",\"tableName\":\"dst\"},\"partitionedBy\":{\"type\":\"all\"},"
        + "\"clusteredBy\":[\"channel\"],\"replaceTimeChunks\":\"ALL\"}");
    assertThat(TaskApi.JSON.readTree(all.path("PLAN").asText()).at("/0/query/dataSource"))
        .isEqualTo(TaskApi.JSON.readTree("{\"type\":\"table\",\"name\":\"w\"}"));

    JsonNode hour = explainRow("/druid/v2/sql/task", "EXPLAIN PLAN FOR REPLACE INTO dst OVERWRITE WHERE"
        + " __time >= TIMESTAMP '2016-06-27 01:00:00' AND __time < TIMESTAMP '2016-06-27 02:00:00'"
        + " SELECT __time, channel FROM w PARTITIONED BY HOUR", "explain-replace-hour");
    assertThat(hour.path("ATTRIBUTES").asText()).isEqualTo("{\"statementType\":\"REPLACE\","
        + "\"targetDataSource\":{\"type\":\"table\",\"tableName\":\"dst\"},\"partitionedBy\":\"HOUR\","
        + "\"replaceTimeChunks\":\"2016-06-27T01:00:00.000Z/2016-06-27T02:00:00.000Z\"}");
  }

  @Test
  void explainsASelectAsOneNativeQueryOnTheSqlApi() throws Exception {
    JsonNode row = explainRow("/druid/v2/sql", "EXPLAIN PLAN FOR SELECT channel, COUNT(*) AS c FROM w GROUP BY 1"
        + " ORDER BY 2 DESC LIMIT 3", "explain-select");

    assertThat(row.path("RESOURCES").asText()).isEqualTo("[{\"name\":\"w\",\"type\":\"DATASOURCE\"}]");
    assertThat(row.path("ATTRIBUTES").asText()).isEqualTo("{\"statementType\":\"SELECT\"}");
    JsonNode query = TaskApi.JSON.readTree(row.path("PLAN").asText()).at("/0/query");
    assertThat(query.path("queryType").asText()).isEqualTo("groupBy");
    assertThat(query.path("dataSource")).isEqualTo(TaskApi.JSON.readTree("{\"type\":\"table\",\"name\":\"w\"}"));
    assertThat(query.at("/limitSpec/limit").asLong()).isEqualTo(3);
    assertThat(query.at("/limitSpec/columns/0/direction").asText()).isEqualTo("descending");
    assertThat(query.at("/limitSpec/columns/0/dimensionOrder").asText()).isEqualTo("numeric");

    // A subquery that is its own stage is the outer query's nested query data source, as in Druid's plan.
    JsonNode nested = TaskApi.JSON.readTree(explainRow("/druid/v2/sql", "EXPLAIN PLAN FOR SELECT COUNT(*) FROM"
        + " (SELECT channel, COUNT(*) AS c FROM w GROUP BY channel) WHERE c > 1", "explain-nested")
        .path("PLAN").asText()).at("/0/query");
    assertThat(nested.at("/dataSource/type").asText()).isEqualTo("query");
    assertThat(nested.at("/dataSource/query/dataSource"))
        .isEqualTo(TaskApi.JSON.readTree("{\"type\":\"table\",\"name\":\"w\"}"));
  }

  @Test
  void writesTheExplanationInTheRequestedFormatWithItsHeader() throws Exception {
    HttpResponse<String> response = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of(
        "query", "EXPLAIN PLAN FOR SELECT COUNT(*) FROM w", "resultFormat", "array", "header", true)));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Druid-SQL-Header-Included")).hasValue("yes");
    JsonNode rows = TaskApi.JSON.readTree(response.body());
    assertThat(rows.get(0)).isEqualTo(TaskApi.JSON.readTree("[\"PLAN\",\"RESOURCES\",\"ATTRIBUTES\"]"));
    assertThat(rows.get(1).get(1).asText()).isEqualTo("[{\"name\":\"w\",\"type\":\"DATASOURCE\"}]");
  }
}
