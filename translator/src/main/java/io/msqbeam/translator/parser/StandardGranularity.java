package io.msqbeam.translator.parser;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Druid's standard granularity types ({@code GranularityType}) that may follow PARTITIONED BY, each
 * with its default period. Druid's NONE is left out: it is not a time-chunk granularity.
 */
enum StandardGranularity {
  SECOND("PT1S"),
  MINUTE("PT1M"),
  FIVE_MINUTE("PT5M"),
  TEN_MINUTE("PT10M"),
  FIFTEEN_MINUTE("PT15M"),
  THIRTY_MINUTE("PT30M"),
  HOUR("PT1H"),
  SIX_HOUR("PT6H"),
  EIGHT_HOUR("PT8H"),
  DAY("P1D"),
  WEEK("P1W"),
  MONTH("P1M"),
  QUARTER("P3M"),
  YEAR("P1Y"),
  ALL(null);

  private final @Nullable String period;

  StandardGranularity(@Nullable String period) {
    this.period = period;
  }

  /** The default period, in canonical {@link IsoPeriod} form; null for ALL. */
  @Nullable String period() {
    return period;
  }

  /** A type name in any case, as Druid's {@code Granularity.fromString} reads it. */
  static Optional<StandardGranularity> ofName(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(g -> g.name().equals(upper)).findFirst();
  }

  /** The standard granularity whose default period equals this canonical period. */
  static Optional<StandardGranularity> ofPeriod(String canonicalPeriod) {
    return Arrays.stream(values()).filter(g -> canonicalPeriod.equals(g.period)).findFirst();
  }

  /** The names Druid lists in its "Expected …" message: all but WEEK, which Druid leaves undocumented. */
  static String documentedNames() {
    return Arrays.stream(values())
        .filter(g -> g != WEEK)
        .map(g -> "'" + g.name() + "'")
        .collect(Collectors.joining(", "));
  }
}
