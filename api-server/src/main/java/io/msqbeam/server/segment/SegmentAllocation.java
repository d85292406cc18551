package io.msqbeam.server.segment;

import io.msqbeam.server.metadata.SegmentRecord;
import io.msqbeam.translator.plan.DataSourceDestination;
import io.msqbeam.translator.plan.DataSourceDestination.ExistingChunk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * Chooses, under the task's lock, the version of new time chunks (now, and always newer than every
 * existing version) and, for INSERT, the visible chunks it appends to: same version, partition
 * numbers after the existing ones (Druid's append).
 */
public final class SegmentAllocation {
  private SegmentAllocation() {}

  public static DataSourceDestination allocate(DataSourceDestination destination, List<SegmentRecord> usedSegments,
      long nowMillis) {
    String version = Instant.ofEpochMilli(nowMillis).toString();
    for (SegmentRecord segment : usedSegments) {
      if (segment.version().compareTo(version) >= 0) {
        version = Instant.parse(segment.version()).plusMillis(1).toString();
      }
    }
    version = io.msqbeam.server.task.ReportBuilder.iso(Instant.parse(version).toEpochMilli());
    List<ExistingChunk> chunks = new ArrayList<>();
    if (!destination.isReplace()) {
      Map<String, int[]> nextPartition = new LinkedHashMap<>();
      Map<String, String> versions = new LinkedHashMap<>();
      for (SegmentTimeline.Visible visible : new SegmentTimeline(usedSegments).visible()) {
        SegmentRecord segment = visible.segment();
        String interval = new Interval(segment.startMillis(), segment.endMillis(), DateTimeZone.UTC).toString();
        String key = interval + "|" + segment.version();
        versions.put(key, segment.version());
        nextPartition.computeIfAbsent(key, k -> new int[] {0});
        nextPartition.get(key)[0] = Math.max(nextPartition.get(key)[0], segment.partitionNum() + 1);
      }
      nextPartition.forEach((key, next) -> chunks.add(
          new ExistingChunk(key.substring(0, key.indexOf('|')), versions.get(key), next[0])));
    }
    return destination.withAllocation(version, chunks);
  }
}
