package io.msqbeam.pipelines.stage;

import java.io.Serializable;
import java.util.Locale;
import org.apache.druid.java.util.common.granularity.Granularities;
import org.apache.druid.java.util.common.granularity.Granularity;
import org.apache.druid.java.util.common.granularity.PeriodGranularity;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.joda.time.Period;

/** Buckets timestamps into the time chunks of a PARTITIONED BY granularity (a Druid name or an ISO period). */
final class TimeChunks implements Serializable {
  private static final Interval ETERNITY = org.apache.druid.java.util.common.Intervals.ETERNITY;

  private final String granularityName;
  private transient Granularity granularity;

  TimeChunks(String granularityName) {
    this.granularityName = granularityName;
  }

  private Granularity granularity() {
    if (granularity == null) {
      String upper = granularityName.toUpperCase(Locale.ROOT);
      if (upper.equals("ALL") || upper.equals("ALL TIME")) {
        granularity = Granularities.ALL;
      } else if (upper.startsWith("P")) {
        granularity = new PeriodGranularity(new Period(upper), null, DateTimeZone.UTC);
      } else {
        granularity = Granularity.fromString(upper);
      }
    }
    return granularity;
  }

  boolean isAll() {
    return granularity() == Granularities.ALL;
  }

  long chunkStart(long timestamp) {
    return isAll() ? ETERNITY.getStartMillis() : granularity().bucketStart(timestamp);
  }

  Interval chunk(long chunkStart) {
    return isAll() ? ETERNITY : new Interval(chunkStart, granularity().increment(chunkStart), DateTimeZone.UTC);
  }
}
