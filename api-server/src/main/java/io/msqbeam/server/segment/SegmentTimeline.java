package io.msqbeam.server.segment;

import io.msqbeam.server.metadata.SegmentRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Druid's versioned timeline over a datasource's used segments: where intervals overlap, the highest
 * version wins. Each segment gets the parts of its interval that no newer version covers; a segment
 * with none left is overshadowed. Tombstones overshadow like any segment but hold no rows.
 */
public final class SegmentTimeline {
  private final List<SegmentRecord> segments;

  public SegmentTimeline(List<SegmentRecord> usedSegments) {
    this.segments = List.copyOf(usedSegments);
  }

  /** A segment and the intervals ({@code [start, end)} millis pairs) where it is visible. */
  public record Visible(SegmentRecord segment, List<long[]> intervals) {
    /** True when nothing overshadows any part of the segment. */
    public boolean isWhole() {
      return intervals.size() == 1 && intervals.get(0)[0] == segment.startMillis()
          && intervals.get(0)[1] == segment.endMillis();
    }
  }

  /** The segments with a visible part, in interval order, tombstones included. */
  public List<Visible> visible() {
    List<Visible> out = new ArrayList<>();
    for (SegmentRecord segment : segments) {
      List<long[]> covered = new ArrayList<>();
      for (SegmentRecord other : segments) {
        if (other.version().compareTo(segment.version()) > 0
            && other.startMillis() < segment.endMillis() && segment.startMillis() < other.endMillis()) {
          covered.add(new long[] {other.startMillis(), other.endMillis()});
        }
      }
      List<long[]> remaining = subtract(segment.startMillis(), segment.endMillis(), covered);
      if (!remaining.isEmpty()) {
        out.add(new Visible(segment, remaining));
      }
    }
    out.sort(Comparator.comparingLong((Visible v) -> v.segment().startMillis())
        .thenComparing(v -> v.segment().version()).thenComparingInt(v -> v.segment().partitionNum()));
    return out;
  }

  /** Segments no part of which is visible any more. */
  public List<SegmentRecord> overshadowed() {
    List<SegmentRecord> visible = visible().stream().map(Visible::segment).toList();
    return segments.stream().filter(s -> !visible.contains(s)).toList();
  }

  static List<long[]> subtract(long start, long end, List<long[]> covered) {
    covered.sort(Comparator.comparingLong(c -> c[0]));
    List<long[]> out = new ArrayList<>();
    long cursor = start;
    for (long[] c : covered) {
      if (c[1] <= cursor) {
        continue;
      }
      if (c[0] >= end) {
        break;
      }
      if (c[0] > cursor) {
        out.add(new long[] {cursor, Math.min(c[0], end)});
      }
      cursor = Math.max(cursor, c[1]);
      if (cursor >= end) {
        break;
      }
    }
    if (cursor < end) {
      out.add(new long[] {cursor, end});
    }
    return out;
  }
}
