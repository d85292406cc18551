package io.msqbeam.translator.parser;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 period such as {@code PT15M} or {@code P1DT12H}, parsed the way Joda's {@code Period}
 * (which Druid uses) reads it, so that two spellings compare equal exactly when Joda's periods do:
 * fields are compared one by one ({@code P1D} equals {@code P1DT0H} but not {@code PT24H}).
 *
 * <p>java.time has no type for a period with both date and time fields, hence this small value.
 */
record IsoPeriod(long years, long months, long weeks, long days, long hours, long minutes, long seconds, long millis) {
  private static final Pattern ISO = Pattern.compile(
      "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)(?:[.,](\\d{1,3}))?S)?)?");

  /** Parses a period, ignoring case as Joda does; empty when the text is not an ISO-8601 period. */
  static Optional<IsoPeriod> parse(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    Matcher m = ISO.matcher(upper);
    if (!m.matches() || upper.equals("P") || upper.endsWith("T")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new IsoPeriod(
          field(m, 1), field(m, 2), field(m, 3), field(m, 4), field(m, 5), field(m, 6), field(m, 7), millis(m.group(8))));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  /** The ISO text with zero fields left out, e.g. {@code PT1H} for {@code pt1h} or {@code P0DT1H}. */
  String canonical() {
    StringBuilder text = new StringBuilder("P");
    append(text, years, "Y");
    append(text, months, "M");
    append(text, weeks, "W");
    append(text, days, "D");
    if (hours != 0 || minutes != 0 || seconds != 0 || millis != 0) {
      text.append('T');
      append(text, hours, "H");
      append(text, minutes, "M");
      if (millis != 0) {
        text.append(seconds).append('.').append(String.format(Locale.ROOT, "%03d", millis)).append('S');
      } else {
        append(text, seconds, "S");
      }
    }
    return text.length() == 1 ? "PT0S" : text.toString();
  }

  private static long field(Matcher m, int group) {
    String value = m.group(group);
    return value == null ? 0 : Long.parseLong(value);
  }

  private static long millis(String fraction) {
    if (fraction == null) {
      return 0;
    }
    return Long.parseLong((fraction + "00").substring(0, 3));
  }

  private static void append(StringBuilder text, long value, String unit) {
    if (value != 0) {
      text.append(value).append(unit);
    }
  }
}
