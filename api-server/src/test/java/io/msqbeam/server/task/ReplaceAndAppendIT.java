package io.msqbeam.server.task;

import static io.msqbeam.server.task.SampleData.SAMPLED_EXTERN;
import static io.msqbeam.server.task.SampleData.SAMPLED_SELECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.metadata.SegmentRecord;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Druid's write semantics end to end on Druid's 20-row {@code wikipedia-sampled.json} (2016-06-27,
 * 10/4/6 rows in hours 00/01/02): INSERT appends with the chunk's version, REPLACE writes a newer
 * version that overshadows only its part, tombstones hide replaced chunks that got no rows, and
 * out-of-bounds rows and misaligned bounds fail as in Druid.
 */
class ReplaceAndAppendIT extends ServerPerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private int tasks;
  /** The errorMsg of the last task run, shown when an assertion on its outcome fails. */
  private String lastError;


  @Test
  void appendsReplacesPartsOfTheTimelineAndHidesEmptiedChunks() throws Exception {
    assertThat(run("INSERT INTO w " + SAMPLED_SELECT + " PARTITIONED BY DAY")).isEqualTo("SUCCESS");
    assertThat(run("INSERT INTO w " + SAMPLED_SELECT + " PARTITIONED BY DAY")).as(() -> lastError).isEqualTo("SUCCESS");
    assertThat(countsByHour()).isEqualTo(List.of(20, 8, 12));
    List<SegmentRecord> day = server.metadataStore().segments().usedSegments("w");
    assertThat(day).extracting(SegmentRecord::partitionNum).containsExactly(0, 1);
    assertThat(day.get(0).version()).isEqualTo(day.get(1).version());

    // Replace hour 01 only, at HOUR granularity over the DAY chunk: the other hours keep both copies.
    assertThat(run("REPLACE INTO w OVERWRITE WHERE __time >= TIMESTAMP '2016-06-27 01:00:00' AND __time < TIMESTAMP"
        + " '2016-06-27 02:00:00' " + SAMPLED_SELECT.replace("FROM " + SAMPLED_EXTERN, "FROM " + SAMPLED_EXTERN
        + " WHERE TIME_PARSE(\"timestamp\") >= TIMESTAMP '2016-06-27 01:00:00' AND TIME_PARSE(\"timestamp\") <"
        + " TIMESTAMP '2016-06-27 02:00:00'") + " PARTITIONED BY HOUR")).isEqualTo("SUCCESS");
    assertThat(countsByHour()).isEqualTo(List.of(20, 4, 12));

    // Replace hour 02 with nothing: a tombstone hides it while the DAY segments stay for hour 00.
    assertThat(run("REPLACE INTO w OVERWRITE WHERE __time >= TIMESTAMP '2016-06-27 02:00:00' AND __time < TIMESTAMP"
        + " '2016-06-27 03:00:00' " + SAMPLED_SELECT.replace("FROM " + SAMPLED_EXTERN, "FROM " + SAMPLED_EXTERN + " WHERE channel = 'none'")
        + " PARTITIONED BY HOUR")).isEqualTo("SUCCESS");
    assertThat(countsByHour()).isEqualTo(List.of(20, 4));
    assertThat(count()).isEqualTo(24);

    // OVERWRITE ALL: everything before becomes unused.
    assertThat(run("REPLACE INTO w OVERWRITE ALL " + SAMPLED_SELECT + " PARTITIONED BY DAY")).isEqualTo("SUCCESS");
    assertThat(count()).isEqualTo(20);
    assertThat(server.metadataStore().segments().usedSegments("w")).hasSize(1);
  }

  @Test
  void failsRowsOutsideTheOverwriteBoundsWithInsertTimeOutOfBounds() throws Exception {
    assertThat(run("REPLACE INTO w OVERWRITE WHERE __time >= TIMESTAMP '2016-06-27 00:00:00' AND __time < TIMESTAMP"
        + " '2016-06-27 01:00:00' " + SAMPLED_SELECT + " PARTITIONED BY HOUR")).isEqualTo("FAILED");
    JsonNode error = lastReport().at("/multiStageQuery/payload/status/errorReport/error");
    assertThat(error.path("errorCode").asText()).isEqualTo("InsertTimeOutOfBounds");
    assertThat(error.path("interval").asText()).isIn("2016-06-27T01:00:00.000Z/2016-06-27T02:00:00.000Z",
        "2016-06-27T02:00:00.000Z/2016-06-27T03:00:00.000Z");
    assertThat(server.metadataStore().segments().usedSegments("w")).isEmpty();
  }

  @Test
  void failsAnInsertAtAnotherGranularityOverExistingChunksWithInsertCannotAllocateSegment() throws Exception {
    assertThat(run("INSERT INTO w " + SAMPLED_SELECT + " PARTITIONED BY DAY")).isEqualTo("SUCCESS");
    assertThat(run("INSERT INTO w " + SAMPLED_SELECT + " PARTITIONED BY MONTH")).isEqualTo("FAILED");
    assertThat(lastReport().at("/multiStageQuery/payload/status/errorReport/error/errorCode").asText())
        .isEqualTo("InsertCannotAllocateSegment");
    assertThat(count()).isEqualTo(20);
  }

  @Test
  void rejectsOverwriteBoundsNotAlignedWithTheGranularity() throws Exception {
    HttpResponse<String> response = post("/druid/v2/sql/task", body("REPLACE INTO w OVERWRITE WHERE __time >= TIMESTAMP"
        + " '2016-06-27 00:00:00' AND __time <= TIMESTAMP '2016-06-28 00:00:00' " + SAMPLED_SELECT + " PARTITIONED BY DAY"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).at("/error/errorMessage").asText()).isEqualTo(
        "OVERWRITE WHERE clause identified interval [2016-06-27T00:00:00.000Z/2016-06-28T00:00:00.001Z] which is not"
            + " aligned with PARTITIONED BY granularity [{type=period, period=P1D, timeZone=UTC, origin=null}]");
  }

  private String run(String sql) throws Exception {
    JsonNode status = api.run(sql, "t" + (++tasks), Map.of());
    lastError = status.path("errorMsg").asText();
    return status.path("statusCode").asText();
  }

  private JsonNode lastReport() throws Exception {
    return api.report("query-t" + tasks);
  }

  private String body(String sql) throws Exception {
    tasks++;
    return JSON.writeValueAsString(Map.of("query", sql, "context", Map.of("sqlQueryId", "t" + tasks)));
  }

  private List<Integer> countsByHour() throws Exception {
    JsonNode rows = query("SELECT TIME_FLOOR(__time, 'PT1H') AS h, COUNT(*) AS c FROM w GROUP BY 1");
    return java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(r -> r.get(1).asInt()).toList();
  }

  private int count() throws Exception {
    return query("SELECT COUNT(*) FROM w").get(0).get(0).asInt();
  }

  private JsonNode query(String sql) throws Exception {
    return api.sqlArray(sql);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return api.post(path, body);
  }

  private String get(String path) throws Exception {
    return api.get(path).body();
  }
}
