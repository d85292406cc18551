package io.msqbeam.server.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.msqbeam.server.metadata.SegmentRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * Tombstones: empty segments a REPLACE publishes over replaced time chunks that got no new rows, so
 * that the newer version overshadows what was there (as Druid does).
 */
public final class Tombstones {
  private Tombstones() {}

  public static boolean isTombstone(SegmentRecord record) {
    return record.payloadJson().contains("\"loadSpec\":{\"type\":\"tombstone\"}");
  }

  public static SegmentRecord create(ObjectMapper json, String dataSource, long start, long end, String version) {
    Interval interval = new Interval(start, end, DateTimeZone.UTC);
    String id = dataSource + "_" + interval.getStart() + "_" + interval.getEnd() + "_" + version;
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("dataSource", dataSource);
    payload.put("interval", interval.toString());
    payload.put("version", version);
    payload.put("loadSpec", Map.of("type", "tombstone"));
    payload.put("dimensions", "");
    payload.put("metrics", "");
    Map<String, Object> shardSpec = new LinkedHashMap<>();
    shardSpec.put("type", "tombstone");
    shardSpec.put("partitionNum", 0);
    shardSpec.put("partitions", 1);
    payload.put("shardSpec", shardSpec);
    payload.put("binaryVersion", 9);
    payload.put("size", 1);
    payload.put("identifier", id);
    try {
      return new SegmentRecord(id, dataSource, start, end, version, 0, true, json.writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write tombstone payload", e);
    }
  }
}
