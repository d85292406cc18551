package io.msqbeam.server.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.metadata.SegmentRecord;
import io.msqbeam.translator.plan.DataSourceDestination;
import java.util.ArrayList;
import java.util.List;
import org.apache.druid.java.util.common.granularity.Granularities;
import org.apache.druid.java.util.common.granularity.Granularity;
import org.apache.druid.java.util.common.granularity.PeriodGranularity;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.joda.time.Period;

/**
 * What one successful ingestion changes in the metadata store, applied in one transaction: the new
 * segments, tombstones over replaced chunks that got no rows but still show older data, and the
 * older segments a REPLACE leaves with nothing visible (marked unused).
 */
public record Publication(List<SegmentRecord> toAdd, List<String> toMarkUnused) {
  public Publication {
    toAdd = List.copyOf(toAdd);
    toMarkUnused = List.copyOf(toMarkUnused);
  }

  public static Publication of(DataSourceDestination destination, List<SegmentRecord> written,
      List<SegmentRecord> usedBefore, ObjectMapper json) {
    List<SegmentRecord> toAdd = new ArrayList<>(written);
    if (!destination.isReplace()) {
      return new Publication(toAdd, List.of());
    }
    List<Interval> replaced = destination.replaceTimeChunks().stream().map(Interval::parse).toList();
    Granularity granularity = granularity(destination.segmentGranularity());
    for (SegmentRecord old : usedBefore) {
      for (Interval bound : replaced) {
        Interval overlap = bound.overlap(new Interval(old.startMillis(), old.endMillis(), DateTimeZone.UTC));
        if (overlap == null) {
          continue;
        }
        for (long chunk = chunkStart(granularity, overlap.getStartMillis()); chunk < overlap.getEndMillis();
            chunk = granularity == Granularities.ALL ? Long.MAX_VALUE : granularity.increment(chunk)) {
          long start = chunk;
          long end = granularity == Granularities.ALL ? bound.getEndMillis() : granularity.increment(chunk);
          boolean covered = toAdd.stream().anyMatch(s -> s.startMillis() == start && s.endMillis() == end);
          if (!covered) {
            toAdd.add(Tombstones.create(json, destination.dataSource(), start, end, destination.segmentVersion()));
          }
        }
      }
    }
    List<SegmentRecord> after = new ArrayList<>(usedBefore);
    after.addAll(toAdd);
    java.util.Set<String> overshadowed = new java.util.HashSet<>();
    new SegmentTimeline(after).overshadowed().forEach(segment -> overshadowed.add(segment.id()));
    // A tombstone matters only where an older segment stays partly visible; elsewhere marking unused suffices.
    toAdd.removeIf(s -> Tombstones.isTombstone(s) && usedBefore.stream()
        .noneMatch(old -> !overshadowed.contains(old.id()) && overlaps(old, s)));
    List<String> unused = usedBefore.stream().map(SegmentRecord::id).filter(overshadowed::contains).toList();
    return new Publication(toAdd, unused);
  }

  private static boolean overlaps(SegmentRecord a, SegmentRecord b) {
    return a.startMillis() < b.endMillis() && b.startMillis() < a.endMillis();
  }

  private static long chunkStart(Granularity granularity, long millis) {
    return granularity == Granularities.ALL ? millis : granularity.bucketStart(millis);
  }

  static Granularity granularity(String name) {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    if (upper.equals("ALL") || upper.equals("ALL TIME")) {
      return Granularities.ALL;
    }
    if (upper.startsWith("P")) {
      return new PeriodGranularity(new Period(upper), null, DateTimeZone.UTC);
    }
    return Granularity.fromString(upper);
  }
}
