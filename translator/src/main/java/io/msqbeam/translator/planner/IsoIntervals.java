package io.msqbeam.translator.planner;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;

/** Prints millisecond instants and intervals exactly as Druid (Joda) does, eternity bounds included. */
public final class IsoIntervals {
  /** Joda's smallest and largest instants, Druid's eternity bounds. */
  public static final long MIN = Long.MIN_VALUE / 2;
  public static final long MAX = Long.MAX_VALUE / 2;

  private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR, 4, 10, SignStyle.NORMAL)
      .appendPattern("-MM-dd'T'HH:mm:ss.SSS'Z'")
      .toFormatter()
      .withZone(ZoneOffset.UTC);

  private IsoIntervals() {}

  public static String instant(long millis) {
    return FORMAT.format(Instant.ofEpochMilli(millis));
  }

  public static String interval(long start, long end) {
    return instant(start) + "/" + instant(end);
  }
}
