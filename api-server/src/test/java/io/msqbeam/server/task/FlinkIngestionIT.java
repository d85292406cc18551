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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same ingestion on the embedded Flink cluster, chosen per statement with context {@code runner}:
 * the rows equal the DirectRunner's, the report names the runner, and shutdown cancels the Flink job.
 */
class FlinkIngestionIT {
  private static final ObjectMapper JSON = new ObjectMapper();



  @TempDir
  Path dataDir;



  @Test
  void ingestsWikitickerOnFlinkWithTheSameRowsAsTheDirectRunner() throws Exception {
    ServerComponents server = start();
    TaskApi api = new TaskApi(server);
    try {
      api.post("/druid/v2/sql/task", TaskApi.body(wikitickerInsert("wiki_flink", "TIME_PARSE(\"time\")"), "flink-1",
          Map.of("runner", "flink", "maxNumTasks", 3)));
      api.post("/druid/v2/sql/task", TaskApi.body(wikitickerInsert("wiki_direct", "TIME_PARSE(\"time\")"), "direct-1",
          Map.of("runner", "direct", "maxNumTasks", 3)));
      JsonNode flink = api.awaitTerminal("query-flink-1");
      assertThat(flink.path("statusCode").asText()).as(flink.toString()).isEqualTo("SUCCESS");
      assertThat(api.awaitTerminal("query-direct-1").path("statusCode").asText()).isEqualTo("SUCCESS");
      JsonNode report = JSON.readTree(api.get("/druid/indexer/v1/task/query-flink-1/reports").body());
      assertThat(report.at("/taskContext/payload/runner").asText()).isEqualTo("flink");
      assertThat(report.at("/multiStageQuery/payload/counters/0/0/input0/rows/0").asLong()).isEqualTo(39244);

      String byChannel = "SELECT channel, COUNT(*), SUM(added), MIN(__time), MAX(deleted) FROM %s GROUP BY 1 ORDER BY 1";
      assertThat(api.sql(String.format(byChannel, "wiki_flink"), "array"))
          .isEqualTo(api.sql(String.format(byChannel, "wiki_direct"), "array"));

      api.post("/druid/v2/sql/task", TaskApi.body(wikitickerInsert("wiki_cancel", "TIME_PARSE(\"time\")"), "flink-2",
          Map.of("runner", "flink")));
      api.awaitRunning("query-flink-2");
      assertThat(api.post("/druid/indexer/v1/task/query-flink-2/shutdown", "").statusCode()).isEqualTo(200);
      JsonNode canceled = api.awaitTerminal("query-flink-2");
      assertThat(canceled.path("errorMsg").asText()).isEqualTo("Shutdown request from user");
      assertThat(server.metadataStore().segments().usedSegments("wiki_cancel")).isEmpty();
    } finally {
      server.close();
    }
  }

  @Test
  void rejectsAnUnknownRunnerWithDruidsInvalidInput() throws Exception {
    ServerComponents server = start();
    TaskApi api = new TaskApi(server);
    try {
      HttpResponse<String> response = api.post("/druid/v2/sql/task",
          TaskApi.body(wikitickerInsert("w", "TIME_PARSE(\"time\")"), "bad-runner", Map.of("runner", "spark")));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).at("/error/errorMessage").asText())
          .isEqualTo("Invalid value for context parameter [runner]: [spark]; valid runners: direct, flink");
    } finally {
      server.close();
    }
  }

  private ServerComponents start() {
    ServerComponents server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    return server;
  }

}
