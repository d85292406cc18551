package io.msqbeam.translator.planner;

import io.msqbeam.translator.error.InvalidInput;
import java.time.DateTimeException;
import java.time.ZoneId;

/** The {@code sqlTimeZone} context parameter: the connection time zone of Druid SQL, UTC by default. */
final class SqlTimeZone {
  private SqlTimeZone() {}

  static ZoneId of(Object value) {
    if (value == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(value.toString());
    } catch (DateTimeException e) {
      throw InvalidInput.exception("Invalid sqlTimeZone [" + value + "]");
    }
  }
}
