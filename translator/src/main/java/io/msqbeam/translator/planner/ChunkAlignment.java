package io.msqbeam.translator.planner;

import io.msqbeam.translator.parser.PartitionGranularity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Time-chunk arithmetic of Druid's standard granularities in UTC: where the chunk holding an instant
 * starts. Used to check that OVERWRITE WHERE bounds fall on chunk boundaries.
 */
final class ChunkAlignment {
  private static final long DAY = 86_400_000L;

  private ChunkAlignment() {}

  static boolean isAligned(long millis, PartitionGranularity granularity) {
    return bucketStart(millis, granularity) == millis;
  }

  static long bucketStart(long millis, PartitionGranularity granularity) {
    if (granularity.isAll()) {
      return IsoIntervals.MIN;
    }
    String period = granularity.period();
    switch (period) {
      case "P1W": {
        long mondayOffset = -3 * DAY; // 1969-12-29 was a Monday
        return millis - Math.floorMod(millis - mondayOffset, 7 * DAY);
      }
      case "P1M":
      case "P3M":
      case "P1Y": {
        ZonedDateTime time = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
        int month = switch (period) {
          case "P1M" -> time.getMonthValue();
          case "P3M" -> ((time.getMonthValue() - 1) / 3) * 3 + 1;
          default -> 1;
        };
        return ZonedDateTime.of(time.getYear(), month, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
      }
      default: {
        long length = Duration.parse(period.startsWith("PT") ? period : "PT" + Duration.ofDays(
            Long.parseLong(period.substring(1, period.length() - 1))).toHours() + "H").toMillis();
        return millis - Math.floorMod(millis, length);
      }
    }
  }

  /** How Druid prints a granularity in alignment errors. */
  static String describe(PartitionGranularity granularity) {
    return granularity.isAll() ? "AllGranularity"
        : "{type=period, period=" + granularity.period() + ", timeZone=UTC, origin=null}";
  }
}
