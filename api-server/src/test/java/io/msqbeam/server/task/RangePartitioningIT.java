package io.msqbeam.server.task;

import static io.msqbeam.server.task.SampleData.SAMPLED_EXTERN;
import static io.msqbeam.server.task.SampleData.SAMPLED_SELECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Druid's range partitioning end to end on the 20-row {@code wikipedia-sampled.json} (one DAY
 * chunk): REPLACE … CLUSTERED BY a string column splits the chunk into segments with contiguous
 * {@code range} shard specs whose rows lie inside their range, sorted by (__time, channel).
 */
class RangePartitioningIT extends ServerPerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

  private int tasks;
  private String lastError;


  @Test
  void replaceClusteredByAStringColumnWritesContiguousRangeSegments() throws Exception {
    assertThat(run("REPLACE INTO w OVERWRITE ALL " + SAMPLED_SELECT + " PARTITIONED BY DAY CLUSTERED BY channel",
        Map.of("rowsPerSegment", 5))).as(() -> lastError).isEqualTo("SUCCESS");

    List<SegmentRecord> segments = server.metadataStore().segments().usedSegments("w");
    assertThat(segments).hasSizeGreaterThan(1);
    String previousEnd = null;
    int rows = 0;
    for (int i = 0; i < segments.size(); i++) {
      JsonNode payload = JSON.readTree(segments.get(i).payloadJson());
      JsonNode shardSpec = payload.path("shardSpec");
      assertThat(shardSpec.path("type").asText()).isEqualTo("range");
      assertThat(shardSpec.path("dimensions")).containsExactly(JSON.valueToTree("channel"));
      assertThat(shardSpec.path("partitionNum").asInt()).isEqualTo(i);
      assertThat(shardSpec.path("numCorePartitions").asInt()).isEqualTo(segments.size());
      String start = bound(shardSpec.path("start"));
      String end = bound(shardSpec.path("end"));
      assertThat(start).as("segment %d starts where the previous one ends", i).isEqualTo(previousEnd);
      assertThat(end == null).as("only the last segment is open above").isEqualTo(i == segments.size() - 1);
      List<Object[]> segmentRows = rows(payload);
      assertThat(segmentRows).isNotEmpty();
      for (Object[] row : segmentRows) {
        String channel = (String) row[1];
        assertThat(start == null || NULLS_FIRST.compare(start, channel) <= 0).as(channel + " >= " + start).isTrue();
        assertThat(end == null || NULLS_FIRST.compare(channel, end) < 0).as(channel + " < " + end).isTrue();
      }
      assertThat(segmentRows).isSortedAccordingTo(Comparator.<Object[], Long>comparing(r -> (Long) r[0])
          .thenComparing(r -> (String) r[1], NULLS_FIRST));
      rows += segmentRows.size();
      previousEnd = end;
    }
    assertThat(rows).isEqualTo(20);
    assertThat(count()).isEqualTo(20);
    assertThat(segmentReport()).isEqualTo(JSON.readTree("{\"shardSpec\":\"DimensionRangeShardSpec\","
        + "\"details\":\"Using 'range' shard specs with all CLUSTERED BY fields.\"}"));
  }

  @Test
  void replaceClusteredByALongColumnKeepsNumberedShardSpecs() throws Exception {
    assertThat(run("REPLACE INTO w OVERWRITE ALL " + SAMPLED_SELECT + " PARTITIONED BY DAY CLUSTERED BY added, channel",
        Map.of("rowsPerSegment", 5))).as(() -> lastError).isEqualTo("SUCCESS");
    for (SegmentRecord segment : server.metadataStore().segments().usedSegments("w")) {
      assertThat(JSON.readTree(segment.payloadJson()).at("/shardSpec/type").asText()).isEqualTo("numbered");
    }
    assertThat(count()).isEqualTo(20);
    assertThat(segmentReport()).isEqualTo(JSON.readTree("{\"shardSpec\":\"NumberedShardSpec\",\"details\":"
        + "\"Using[0] CLUSTERED BY columns for 'range' shard specs, since the next column is of type[LONG]. Only"
        + " string columns are included in 'range' shard specs.\"}"));
  }

  @Test
  void insertClusteredByAStringColumnKeepsNumberedShardSpecs() throws Exception {
    assertThat(run("INSERT INTO w " + SAMPLED_SELECT + " PARTITIONED BY DAY CLUSTERED BY channel",
        Map.of("rowsPerSegment", 5))).as(() -> lastError).isEqualTo("SUCCESS");
    for (SegmentRecord segment : server.metadataStore().segments().usedSegments("w")) {
      assertThat(JSON.readTree(segment.payloadJson()).at("/shardSpec/type").asText()).isEqualTo("numbered");
    }
    assertThat(segmentReport().path("shardSpec").asText()).isEqualTo("NumberedShardSpec");
  }

  private static String bound(JsonNode tuple) {
    return tuple.isNull() || tuple.isMissingNode() ? null : tuple.get(0).isNull() ? null : tuple.get(0).asText();
  }

  /** The segment's (__time, channel) rows, read from the zip its load spec points at. */
  private List<Object[]> rows(JsonNode payload) throws Exception {
    List<Object[]> rows = new ArrayList<>();
    File zip = new File(payload.at("/loadSpec/path").asText());
    try (SegmentReader reader = SegmentReader.open(zip, dataDir.resolve("read-" + zip.hashCode()).toFile())) {
      reader.scan(List.of("__time", "channel"), rows::add);
    }
    return rows;
  }

  private String run(String sql, Map<String, Object> context) throws Exception {
    JsonNode status = api.run(sql, "t" + (++tasks), context);
    lastError = status.path("errorMsg").asText();
    return status.path("statusCode").asText();
  }

  private JsonNode segmentReport() throws Exception {
    return JSON.readTree(get("/druid/indexer/v1/task/query-t" + tasks + "/reports"))
        .at("/multiStageQuery/payload/status/segmentReport");
  }

  private int count() throws Exception {
    return api.sqlArray("SELECT COUNT(*) FROM w").get(0).get(0).asInt();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return api.post(path, body);
  }

  private String get(String path) throws Exception {
    return api.get(path).body();
  }
}
