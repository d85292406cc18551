package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Druid's check that an ingestion does not turn an existing multi-value string column into an ARRAY
 * column or back, and context {@code skipTypeVerification} that lifts it, over {@code foo} (its
 * {@code dim3} a multi-value string), with the messages and rows of Druid's {@code MSQArraysTest}.
 */
class TypeVerificationIT {
  private static final String SEE = ". See https://druid.apache.org/docs/latest/querying/arrays#arrayingestmode for"
      + " more details about this check and how to override it if needed.";

  @TempDir
  Path dataDir;
  private ServerComponents server;
  private TaskApi api;
  private int tasks;

  @BeforeEach
  void startAndIngest() throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
    run("REPLACE INTO foo OVERWRITE ALL " + SampleData.FOO_SELECT + " PARTITIONED BY ALL", Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void refusesToReplaceAMultiValueStringWithAnArrayUnlessSkipped() throws Exception {
    String replace = "REPLACE INTO foo OVERWRITE ALL SELECT MV_TO_ARRAY(dim3) AS dim3 FROM foo PARTITIONED BY ALL TIME";
    // testReplaceMvdWithStringArray
    assertRefused(replace, Map.of("arrayIngestMode", "array"), "Cannot write into field[dim3] using type[VARCHAR"
        + " ARRAY] and arrayIngestMode[array], since the existing type is[VARCHAR]. Try wrapping this field using"
        + " ARRAY_TO_MV(...) AS \"dim3\"" + SEE);

    // testReplaceMvdWithStringArraySkipValidation
    run(replace, Map.of("arrayIngestMode", "array", "skipTypeVerification", "dim3"));
    HttpResponse<String> rows = api.post("/druid/v2/sql", TaskApi.JSON.writeValueAsString(Map.of("query",
        "SELECT dim3 FROM foo", "resultFormat", "array", "context", Map.of("sqlStringifyArrays", false))));
    assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
    assertThat(TaskApi.JSON.readTree(rows.body())).containsExactlyInAnyOrderElementsOf(TaskApi.JSON.readTree(
        "[[null],[null],[[\"a\",\"b\"]],[[\"\"]],[[\"b\",\"c\"]],[[\"d\"]]]"));

    // testReplaceStringArrayWithMvdInArrayMode / InMvdMode: dim3 is now an ARRAY column.
    String back = "REPLACE INTO foo OVERWRITE ALL SELECT ARRAY_TO_MV(dim3) AS dim3 FROM foo PARTITIONED BY ALL TIME";
    assertRefused(back, Map.of("arrayIngestMode", "array"), "Cannot write into field[dim3] using type[VARCHAR] and"
        + " arrayIngestMode[array], since the existing type is[VARCHAR ARRAY]. Try adjusting your query to make this"
        + " column an ARRAY instead of VARCHAR" + SEE);
    assertRefused(back, Map.of("arrayIngestMode", "mvd"), "Cannot write into field[dim3] using type[VARCHAR] and"
        + " arrayIngestMode[mvd], since the existing type is[VARCHAR ARRAY]. Try setting arrayIngestMode to[array] and"
        + " adjusting your query to make this column an ARRAY instead of VARCHAR" + SEE);
  }

  private void assertRefused(String sql, Map<String, Object> context, String message) throws Exception {
    HttpResponse<String> response = api.post("/druid/v2/sql/task", TaskApi.body(sql, "bad" + (++tasks), context));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = TaskApi.JSON.readTree(response.body()).path("error");
    assertThat(error.path("errorCode").asText()).isEqualTo("invalidInput");
    assertThat(error.path("errorMessage").asText()).isEqualTo(message);
  }

  private void run(String sql, Map<String, Object> context) throws Exception {
    JsonNode status = api.run(sql, "t" + (++tasks), context);
    assertThat(status.path("statusCode").asText()).as(status.path("errorMsg").asText()).isEqualTo("SUCCESS");
  }
}
