package io.msqbeam.server.task;

import static io.msqbeam.server.task.SampleData.SAMPLED_SELECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.pipelines.segment.SegmentReader;
import io.msqbeam.server.metadata.SegmentRecord;
import java.io.File;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The context parameters {@code segmentSortOrder} and {@code forceSegmentSortByTime} end to end on
 * Druid's 20-row {@code wikipedia-sampled.json}: the written segment's metadata records the sort
 * order Druid 33 would give it (context order, then {@code __time} unless time sort is off, then
 * CLUSTERED BY, then the other columns), its rows are stored in that order, and SQL reads the same
 * rows back as from a time-sorted copy. Invalid combinations are refused with Druid's messages.
 */
class SegmentSortOrderIT extends ServerPerTest {
  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

  private int tasks;


  @Test
  void writesSegmentsSortedByClusteredByWhenTimeSortIsOff() throws Exception {
    run("REPLACE INTO bychannel OVERWRITE ALL " + SAMPLED_SELECT + " PARTITIONED BY DAY CLUSTERED BY channel",
        Map.of("forceSegmentSortByTime", false));
    run("REPLACE INTO bytime OVERWRITE ALL " + SAMPLED_SELECT + " PARTITIONED BY DAY CLUSTERED BY channel", Map.of());

    try (SegmentReader reader = onlySegment("bychannel")) {
      assertThat(reader.ordering()).containsExactly("channel", "__time", "added");
      List<Object[]> rows = new ArrayList<>();
      reader.scan(List.of("channel", "__time"), rows::add);
      assertThat(rows).hasSize(20).isSortedAccordingTo(Comparator.<Object[], String>comparing(r -> (String) r[0],
          NULLS_FIRST).thenComparing(r -> (Long) r[1]));
    }
    try (SegmentReader reader = onlySegment("bytime")) {
      assertThat(reader.ordering()).containsExactly("__time", "channel", "added");
    }

    // wikipedia-sampled.json: 20 rows, SUM(added) 12,109, 10/4/6 rows in hours 00/01/02 (druid-behaviour.md §9.2).
    assertThat(api.sqlArray("SELECT COUNT(*), SUM(added) FROM bychannel").get(0))
        .containsExactly(TaskApi.JSON.valueToTree(20), TaskApi.JSON.valueToTree(12109));
    assertThat(api.sqlArray("SELECT COUNT(*) FROM bychannel WHERE __time >= TIMESTAMP '2016-06-27 01:00:00'"
        + " AND __time < TIMESTAMP '2016-06-27 02:00:00'").get(0).get(0).asInt()).isEqualTo(4);
    // Every row reads back as from the time-sorted copy.
    String allRows = "SELECT __time, channel, added FROM %s ORDER BY __time, channel, added";
    assertThat(api.sqlArray(allRows.formatted("bychannel"))).isEqualTo(api.sqlArray(allRows.formatted("bytime")));
  }

  @Test
  void putsTheContextSortOrderFirst() throws Exception {
    run("INSERT INTO w " + SAMPLED_SELECT + " PARTITIONED BY DAY", Map.of("segmentSortOrder", "__time,added"));
    try (SegmentReader reader = onlySegment("w")) {
      assertThat(reader.ordering()).containsExactly("__time", "added", "channel");
    }
    run("INSERT INTO v " + SAMPLED_SELECT + " PARTITIONED BY DAY",
        Map.of("segmentSortOrder", "[\"added\",\"channel\"]", "forceSegmentSortByTime", "false"));
    try (SegmentReader reader = onlySegment("v")) {
      assertThat(reader.ordering()).containsExactly("added", "channel", "__time");
    }
    assertThat(api.sqlArray("SELECT SUM(added) FROM v").get(0).get(0).asInt()).isEqualTo(12109);
  }

  @Test
  void refusesSortOrdersThatDoNotStartWithTimeWhileTimeSortIsForced() throws Exception {
    String warning = " Warning: support for segments not sorted by[__time] is experimental. Such segments are not"
        + " readable by older version of Druid, and certain queries cannot run on them. See"
        + " https://druid.apache.org/docs/latest/ingestion/partitioning#sorting for details before setting"
        + " forceSegmentSortByTime to[false].";
    assertRefused("INSERT INTO w " + SAMPLED_SELECT + " PARTITIONED BY DAY", Map.of("segmentSortOrder", "channel"),
        "Context parameter[segmentSortOrder] must start with[__time] unless context parameter"
            + "[forceSegmentSortByTime] is set to[false]." + warning);
    assertRefused("INSERT INTO w " + SAMPLED_SELECT + " PARTITIONED BY DAY CLUSTERED BY channel, __time", Map.of(),
        "Sort order (CLUSTERED BY) cannot include[__time] in position[1] unless context parameter"
            + "[forceSegmentSortByTime] is set to[false]." + warning);
    assertRefused("INSERT INTO w " + SAMPLED_SELECT + " PARTITIONED BY DAY", Map.of("segmentSortOrder", "__time,page"),
        "Column[page] from context parameter[segmentSortOrder] does not appear in the query output");
  }

  private void assertRefused(String sql, Map<String, Object> context, String message) throws Exception {
    HttpResponse<String> response = api.post("/druid/v2/sql/task", TaskApi.body(sql, "bad" + (++tasks), context));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = TaskApi.JSON.readTree(response.body()).path("error");
    assertThat(error.path("errorCode").asText()).isEqualTo("invalidInput");
    assertThat(error.path("errorMessage").asText()).isEqualTo(message);
  }

  private SegmentReader onlySegment(String dataSource) throws Exception {
    List<SegmentRecord> segments = server.metadataStore().segments().usedSegments(dataSource);
    assertThat(segments).hasSize(1);
    File zip = new File(TaskApi.JSON.readTree(segments.get(0).payloadJson()).at("/loadSpec/path").asText());
    return SegmentReader.open(zip, dataDir.resolve("read-" + dataSource + "-" + (++tasks)).toFile());
  }

  private void run(String sql, Map<String, Object> context) throws Exception {
    JsonNode status = api.run(sql, "t" + (++tasks), context);
    assertThat(status.path("statusCode").asText()).as(status.path("errorMsg").asText()).isEqualTo("SUCCESS");
  }
}
