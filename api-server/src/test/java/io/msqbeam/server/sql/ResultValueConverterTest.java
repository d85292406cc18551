package io.msqbeam.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultValueConverterTest {
  private static final long Y2K = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

  private static List<Object> convert(List<String> sqlTypes, ZoneId zone, boolean stringify, Object... values) {
    return new ResultValueConverter(sqlTypes, zone, stringify, SelectFixtureRows.JSON).convert(Arrays.asList(values));
  }

  @Test
  void writesTimestampsAndDatesAsIsoStringsWithMillisInUtc() {
    assertThat(convert(List.of("TIMESTAMP", "DATE"), ZoneOffset.UTC, true, Y2K, Y2K))
        .containsExactly("2000-01-01T00:00:00.000Z", "2000-01-01T00:00:00.000Z");
  }

  @Test
  void writesTimestampsInTheSqlTimeZoneWithItsOffset() {
    assertThat(convert(List.of("TIMESTAMP"), ZoneId.of("America/Los_Angeles"), true, Y2K))
        .containsExactly("1999-12-31T16:00:00.000-08:00");
  }

  @Test
  void turnsWholeNumbersIntoDoublesAndFloatsForFloatingPointTypes() {
    assertThat(convert(List.of("DOUBLE", "FLOAT", "BIGINT"), ZoneOffset.UTC, true, 36, 2, 7.0))
        .containsExactly(36.0, 2.0f, 7L);
  }

  @Test
  void writesComplexValuesAsTheirJsonInAString() {
    // Druid's SqlResults.coerce for SQL type OTHER: the value's JSON serialization, as a string, whatever
    // sqlStringifyArrays says; a JSON string literal keeps its quotes.
    java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
    object.put("x", List.of(1, 2));
    assertThat(convert(List.of("OTHER", "OTHER", "OTHER", "OTHER"), ZoneOffset.UTC, false, object, List.of(1L), "y", 3))
        .containsExactly("{\"x\":[1,2]}", "[1]", "\"y\"", "3");
  }

  @Test
  void writesBooleansAsTrueAndFalse() {
    assertThat(convert(List.of("BOOLEAN", "BOOLEAN", "BOOLEAN"), ZoneOffset.UTC, true, 1, 0L, true))
        .containsExactly(true, false, true);
  }

  @Test
  void stringifiesArraysUnlessSqlStringifyArraysIsFalse() {
    assertThat(convert(List.of("VARCHAR"), ZoneOffset.UTC, true, List.of("a", "b"))).containsExactly("[\"a\",\"b\"]");
    assertThat(convert(List.of("ARRAY"), ZoneOffset.UTC, false, List.of(1, 2))).containsExactly(List.of(1, 2));
  }

  @Test
  void keepsNullsWhateverTheType() {
    assertThat(convert(List.of("TIMESTAMP", "DOUBLE", "VARCHAR"), ZoneOffset.UTC, true, null, null, null))
        .containsExactly(null, null, null);
  }
}
