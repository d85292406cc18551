package io.msqbeam.server.sql;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw values of a result row (epoch millis, longs, doubles, strings, lists) into the values
 * Druid's SQL API writes for each column's SQL type.
 *
 * <p>TIMESTAMP and DATE become ISO-8601 strings with milliseconds in {@code sqlTimeZone} ({@code Z} for
 * a zero offset, as Joda prints it); BOOLEAN becomes true/false; integer types become longs; DOUBLE,
 * DECIMAL and REAL doubles and FLOAT floats, so that Jackson prints them in Java's {@code toString} form
 * ({@code 36.0}) even when the pipeline wrote a whole number. Arrays and multi-value strings become a
 * JSON string (Druid's default over HTTP); with {@code sqlStringifyArrays} false, ARRAY values stay arrays.
 * A complex value (SQL type OTHER, e.g. {@code COMPLEX<json>}) becomes its JSON serialization as a string,
 * as Druid's {@code SqlResults.coerce} writes it: {@code {"a":1}} is sent as {@code "{\"a\":1}"}.
 */
public final class ResultValueConverter {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

  private final List<String> sqlTypes;
  private final DateTimeFormatter timestamps;
  private final boolean stringifyArrays;
  private final ObjectMapper json;
  private final UncoercibleColumns uncoercible;

  public ResultValueConverter(List<String> sqlTypes, ZoneId timeZone, boolean stringifyArrays, ObjectMapper json) {
    this(sqlTypes, timeZone, stringifyArrays, json, UncoercibleColumns.none());
  }

  /** A converter that fails, as Druid does, on a value of one of the {@code uncoercible} columns. */
  ResultValueConverter(List<String> sqlTypes, ZoneId timeZone, boolean stringifyArrays, ObjectMapper json,
      UncoercibleColumns uncoercible) {
    this.uncoercible = requireNonNull(uncoercible, "uncoercible is null");
    this.sqlTypes = List.copyOf(requireNonNull(sqlTypes, "sqlTypes is null"));
    this.timestamps = ISO.withZone(requireNonNull(timeZone, "timeZone is null"));
    this.stringifyArrays = stringifyArrays;
    this.json = requireNonNull(json, "json is null");
  }

  /** The row's values as the SQL API writes them, in column order. */
  public List<Object> convert(List<Object> row) {
    uncoercible.check(row);
    List<Object> values = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      values.add(convert(sqlTypes.get(i), row.get(i)));
    }
    return values;
  }

  private Object convert(String sqlType, Object value) {
    if (value == null) {
      return null;
    }
    if ("OTHER".equals(sqlType)) {
      return toJson(value);
    }
    if (value instanceof List<?> list) {
      // Real Druid: sqlStringifyArrays=false turns only ARRAY values into JSON arrays; a multi-value
      // string stays a JSON string.
      return stringifyArrays || !"ARRAY".equals(sqlType) ? toJson(list) : list;
    }
    return switch (sqlType) {
      case "TIMESTAMP", "DATE" -> value instanceof Number n ? timestamps.format(Instant.ofEpochMilli(n.longValue())) : value;
      case "BOOLEAN" -> value instanceof Number n ? n.longValue() != 0
          : value instanceof String s ? Boolean.parseBoolean(s) : value;
      case "BIGINT", "INTEGER", "SMALLINT", "TINYINT" -> value instanceof Number n ? n.longValue() : value;
      case "DOUBLE", "DECIMAL", "REAL" -> value instanceof Number n ? n.doubleValue() : value;
      case "FLOAT" -> value instanceof Number n ? n.floatValue() : value;
      default -> value;
    };
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write an array value as JSON", e);
    }
  }
}
