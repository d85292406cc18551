package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
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
    JsonNode status = api.run("INSERT INTO w " + SampleData.SAMPLED_SELECT + " PARTITIONED BY DAY", "ingest", Map.of());
    assertThat(status.path("statusCode").asText()).as(status.toString()).isEqualTo("SUCCESS");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The rows of {@code sql} from both doors, asserted equal to each other; returned as a JSON array of arrays. */
  private static JsonNode bothDoors(String sql) throws Exception {
    String id = "shapes" + IDS.incrementAndGet();
    JsonNode status = api.run(sql, id, Map.of());
    assertThat(status.path("statusCode").asText()).as(status.toString()).isEqualTo("SUCCESS");
    JsonNode taskRows = api.report("query-" + id).at("/multiStageQuery/payload/results/results");
    JsonNode sqlRows = api.sqlArray(sql);
    assertThat(sqlRows).isEqualTo(taskRows);
    return sqlRows;
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
}
