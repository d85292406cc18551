package io.msqbeam.server.task;

import static io.msqbeam.server.task.SampleData.SAMPLED_EXTERN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dynamic parameters on {@code POST /druid/v2/sql/task} (druid-behaviour.md §5.1: the SQL API's body,
 * {@code parameters} included, which Druid's SqlTaskResource binds for MSQ too), end to end over HTTP.
 * Expected rows come from Druid's {@code wikipedia-sampled.json}: four {@code #en.wikipedia} rows whose
 * {@code added} are 2, 0, 496 and 0.
 */
class TaskParametersIT extends ServerPerTest {
  private static final String TASK = "/druid/v2/sql/task";

  @Test
  void bindsParametersOfAnInsertAndOfASelect() throws Exception {
    String insert = "INSERT INTO p SELECT TIME_PARSE(\"timestamp\") AS __time, channel, added FROM " + SAMPLED_EXTERN
        + " WHERE channel = ? AND added > ? PARTITIONED BY DAY";
    JsonNode inserted = submitAndWait(insert, "ins", List.of(
        Map.of("type", "VARCHAR", "value", "#en.wikipedia"), Map.of("type", "BIGINT", "value", 1)));
    assertThat(inserted.path("statusCode").asText()).as(inserted.toString()).isEqualTo("SUCCESS");
    assertThat(api.sqlArray("SELECT channel, added FROM p ORDER BY added").toString())
        .isEqualTo("[[\"#en.wikipedia\",2],[\"#en.wikipedia\",496]]");

    JsonNode selected = submitAndWait("SELECT channel, SUM(added) AS s FROM p WHERE added >= ? GROUP BY channel", "sel",
        List.of(Map.of("type", "BIGINT", "value", 100)));
    assertThat(selected.path("statusCode").asText()).as(selected.toString()).isEqualTo("SUCCESS");
    assertThat(api.report("query-sel").at("/multiStageQuery/payload/results/results").toString())
        .isEqualTo("[[\"#en.wikipedia\",496]]");
  }

  @Test
  void aMissingParameterIsTheSqlApisErrorAndMakesNoTask() throws Exception {
    String sql = "SELECT COUNT(*) FROM " + SAMPLED_EXTERN + " WHERE channel = ? AND added > ?";
    List<Map<String, Object>> one = List.of(Map.of("type", "VARCHAR", "value", "#en.wikipedia"));
    HttpResponse<String> response = api.post(TASK, body(sql, "missing", one));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode failed = TaskApi.JSON.readTree(response.body());
    assertThat(failed.path("taskId").asText()).isEqualTo("missing");
    assertThat(failed.path("state").asText()).isEqualTo("FAILED");
    assertThat(failed.at("/error/errorCode").asText()).isEqualTo("invalidInput");
    assertThat(failed.at("/error/errorMessage").asText()).isEqualTo("No value bound for parameter (position [2])");
    // The SQL API words the same body's error the same way.
    HttpResponse<String> sqlApi = api.post("/druid/v2/sql", body(sql, "missing-sql", one));
    assertThat(sqlApi.statusCode()).isEqualTo(400);
    assertThat(TaskApi.JSON.readTree(sqlApi.body()).path("errorMessage").asText())
        .isEqualTo(failed.at("/error/errorMessage").asText());
    assertThat(api.get("/druid/indexer/v1/task/query-missing/status").statusCode()).isEqualTo(404);
  }

  private JsonNode submitAndWait(String sql, String id, List<Map<String, Object>> parameters) throws Exception {
    HttpResponse<String> submit = api.post(TASK, body(sql, id, parameters));
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(202);
    return api.awaitTerminal("query-" + id);
  }

  private static String body(String sql, String sqlQueryId, List<Map<String, Object>> parameters) throws Exception {
    return TaskApi.JSON.writeValueAsString(Map.of("query", sql, "context", Map.of("sqlQueryId", sqlQueryId),
        "parameters", parameters));
  }
}
