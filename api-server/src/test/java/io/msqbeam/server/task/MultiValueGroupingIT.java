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
 * Grouping on a multi-value string (§1.9, §7.5) over Druid's test table {@code foo}, ingested from
 * {@code foo-rows.json}: a GROUP BY unnests the multi-value {@code dim3} implicitly through both
 * doors (the task engine on Beam, the SQL API in-process) and at ingestion; with context
 * {@code groupByEnableMultiValueUnnesting: false} it fails as MSQ does, also in a rollup ingestion.
 */
class MultiValueGroupingIT {
  private static final AtomicInteger IDS = new AtomicInteger();
  /** MSQ's testGroupByWithMultiValue: {@code select dim3, count(*) from foo group by dim3}. */
  private static final String GROUP_BY_DIM3 = "SELECT dim3, COUNT(*) AS cnt1 FROM foo GROUP BY dim3";
  private static final String EXPECTED_DIM3 = "[[null,2],[\"\",1],[\"a\",1],[\"b\",2],[\"c\",1],[\"d\",1]]";
  private static final String MV_TO_ARRAY_ERROR =
      "Column [dim3] is a multi-value string. Please wrap the column using MV_TO_ARRAY() to proceed further.";
  private static ServerComponents server;
  private static TaskApi api;

  @BeforeAll
  static void startAndIngest(@TempDir Path dataDir) throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
    api.runToSuccess("REPLACE INTO foo OVERWRITE ALL " + SampleData.FOO_SELECT + " PARTITIONED BY ALL",
        "ingest", Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void unnestsAMultiValueDimensionThroughBothDoors() throws Exception {
    String id = "mv" + IDS.incrementAndGet();
    api.runToSuccess(GROUP_BY_DIM3, id, Map.of());
    JsonNode taskRows = api.report("query-" + id).at("/multiStageQuery/payload/results/results");
    assertThat(sorted(taskRows)).isEqualTo(json(EXPECTED_DIM3));
    assertThat(sorted(api.sqlArray(GROUP_BY_DIM3))).isEqualTo(json(EXPECTED_DIM3));
  }

  @Test
  void unnestsEveryMultiValueDimensionOfAGroup() throws Exception {
    // dim2 x dim3 per row: a x {a,b}; null x {b,c}; '' x {d}; a x {''}; abc x null; null x null.
    String sql = "SELECT dim2, dim3, COUNT(*) AS c FROM foo GROUP BY dim2, dim3";
    assertThat(sorted(api.sqlArray(sql))).isEqualTo(json("[[null,null,1],[null,\"b\",1],[null,\"c\",1],"
        + "[\"\",\"d\",1],[\"a\",\"\",1],[\"a\",\"a\",1],[\"a\",\"b\",1],[\"abc\",null,1]]"));
  }

  @Test
  void refusesToGroupOnAMultiValueDimensionWhenUnnestingIsOff() throws Exception {
    Map<String, Object> context = Map.of("groupByEnableMultiValueUnnesting", false);
    String id = "mv" + IDS.incrementAndGet();
    JsonNode status = api.run(GROUP_BY_DIM3, id, context);
    assertThat(status.path("statusCode").asText()).isEqualTo("FAILED");
    JsonNode error = api.report("query-" + id).at("/multiStageQuery/payload/status/errorReport/error");
    assertThat(error.path("errorCode").asText()).isEqualTo("QueryRuntimeError");
    assertThat(error.path("errorMessage").asText()).isEqualTo(MV_TO_ARRAY_ERROR);

    HttpResponse<String> response = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(
        Map.of("query", GROUP_BY_DIM3, "resultFormat", "array", "context", context)));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains(MV_TO_ARRAY_ERROR);
    // A single-value column still groups.
    HttpResponse<String> dim1 = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of(
        "query", "SELECT dim1, COUNT(*) FROM foo GROUP BY dim1", "context", context, "resultFormat", "array")));
    assertThat(dim1.statusCode()).as(dim1.body()).isEqualTo(200);
    assertThat(TaskApi.JSON.readTree(dim1.body())).hasSize(6);
  }

  @Test
  void unnestsAtIngestionAndRefusesARollupIngestionOnAMultiValueDimension() throws Exception {
    // MSQ's testInsertOnFoo1WithMultiValueDimGroupBy: the unnested groups are written as rows.
    JsonNode status = api.runToSuccess("INSERT INTO foo1 SELECT dim3, COUNT(*) AS cnt1 FROM foo GROUP BY dim3"
        + " PARTITIONED BY ALL TIME", "mv" + IDS.incrementAndGet(), Map.of());
    assertThat(sorted(api.sqlArray("SELECT dim3, cnt1 FROM foo1"))).isEqualTo(json(EXPECTED_DIM3));

    // MSQ's testRollUpOnFoo1WithMultiValueDimGroupByWithoutGroupByEnable.
    String id = "mv" + IDS.incrementAndGet();
    status = api.run("INSERT INTO foo2 SELECT dim3, COUNT(*) AS cnt1 FROM foo GROUP BY dim3 PARTITIONED BY ALL TIME",
        id, Map.of("finalizeAggregations", false, "groupByEnableMultiValueUnnesting", false));
    assertThat(status.path("statusCode").asText()).isEqualTo("FAILED");
    assertThat(status.path("errorMsg").asText()).isEqualTo("QueryRuntimeError: " + MV_TO_ARRAY_ERROR);
    assertThat(server.metadataStore().segments().usedSegments("foo2")).isEmpty();
  }

  /** Rows sorted by their columns' text, nulls first, so either door's order compares. */
  private static JsonNode sorted(JsonNode rows) {
    List<JsonNode> list = new ArrayList<>();
    rows.forEach(list::add);
    Comparator<JsonNode> byText = (a, b) -> {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = Comparator.<String>nullsFirst(Comparator.naturalOrder())
            .compare(a.get(i).isNull() ? null : a.get(i).asText(), b.get(i).isNull() ? null : b.get(i).asText());
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    list.sort(byText);
    return TaskApi.JSON.valueToTree(list);
  }

  private static JsonNode json(String text) throws Exception {
    return TaskApi.JSON.readTree(text);
  }
}
