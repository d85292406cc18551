package io.msqbeam.pipelines.row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.druid.segment.nested.StructuredData;

/**
 * The one form a {@code COMPLEX<json>} value takes in our rows: the plain Java tree of a JSON document
 * ({@code LinkedHashMap}, {@code ArrayList}, String, Long, Double, Boolean, null), the form Druid's
 * JSON reader hands its nested columns (integers as longs, as its {@code JSONFlattenerMaker} does).
 * Druid's expressions and nested columns may give a value wrapped in {@link StructuredData} or with
 * Integer members; {@link #plain} normalises both, so equal documents are equal rows wherever they came
 * from (grouping and the two executions' comparison rely on it).
 */
public final class JsonValues {
  /** Reads JSON text into plain values, integers as longs. */
  public static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  private JsonValues() {}

  /** The value as a plain tree: unwrapped, integers widened to longs, floats to doubles. */
  public static Object plain(Object value) {
    if (value instanceof StructuredData data) {
      return plain(data.getValue());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, member) -> copy.put(String.valueOf(key), plain(member)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(plain(element)));
      return copy;
    }
    if (value instanceof Object[] array) {
      List<Object> copy = new ArrayList<>(array.length);
      for (Object element : array) {
        copy.add(plain(element));
      }
      return copy;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  /** The value as compact JSON text. */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write a JSON value", e);
    }
  }

  /** The plain value of JSON text that {@link #toJson} wrote. */
  public static Object fromJson(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a JSON value", e);
    }
  }
}
