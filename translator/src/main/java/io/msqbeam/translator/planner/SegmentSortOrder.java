package io.msqbeam.translator.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.translator.error.InvalidInput;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.sql.DruidTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The order of rows inside the segments an INSERT or REPLACE writes, from the context parameters
 * {@code segmentSortOrder} and {@code forceSegmentSortByTime} and the CLUSTERED BY clause, as
 * Druid's MSQ computes it: the {@code segmentSortOrder} columns, then {@code __time} (unless
 * {@code forceSegmentSortByTime} is false), then the CLUSTERED BY columns, then every other output
 * column in SELECT order. When {@code __time} does not come first the segment is sorted by that
 * order and {@code __time} is one of its sort columns (Druid 31+'s non-time-sorted segments).
 */
final class SegmentSortOrder {
  static final String SORT_ORDER_KEY = "segmentSortOrder";
  static final String FORCE_TIME_SORT_KEY = "forceSegmentSortByTime";

  /** Druid's {@code DimensionsSpec.WARNING_NON_TIME_SORT_ORDER}, appended to its sort order errors. */
  static final String WARNING_NON_TIME_SORT_ORDER = "Warning: support for segments not sorted by[__time] is"
      + " experimental. Such segments are not readable by older version of Druid, and certain queries cannot run on"
      + " them. See https://druid.apache.org/docs/latest/ingestion/partitioning#sorting for details before setting"
      + " forceSegmentSortByTime to[false].";

  private static final Pattern LOOKS_LIKE_JSON_ARRAY = Pattern.compile("^\\s*\\[.*", Pattern.DOTALL);

  private final List<String> contextOrder;
  private final boolean forceTimeSort;

  private SegmentSortOrder(List<String> contextOrder, boolean forceTimeSort) {
    this.contextOrder = List.copyOf(contextOrder);
    this.forceTimeSort = forceTimeSort;
  }

  /** Reads both context parameters, with Druid's defaults (empty, true) and its errors for bad values. */
  static SegmentSortOrder of(Map<String, Object> context) {
    Object order = context == null ? null : context.get(SORT_ORDER_KEY);
    Object force = context == null ? null : context.get(FORCE_TIME_SORT_KEY);
    return new SegmentSortOrder(decode(order), force == null || booleanValue(force));
  }

  boolean forceTimeSort() {
    return forceTimeSort;
  }

  /** The columns named by {@code segmentSortOrder}, in order; empty when unset. */
  List<String> contextOrder() {
    return contextOrder;
  }

  /**
   * Druid's checks (MSQ's {@code validateSortOrderBeginsWithTimeIfRequired} and
   * {@code validateContextSortOrderColumnsExist}): while {@code forceSegmentSortByTime} is true the
   * sort order must begin with {@code __time}; every {@code segmentSortOrder} column must be an
   * output column.
   *
   * @param clusterBy the CLUSTERED BY output columns as written, {@code __time} included
   */
  void validate(List<String> clusterBy, List<String> outputNames) {
    if (forceTimeSort) {
      if (!contextOrder.isEmpty()) {
        if (!DruidTypes.TIME_COLUMN.equals(contextOrder.get(0))) {
          throw InvalidSqlInput.exception("Context parameter[" + SORT_ORDER_KEY + "] must start with[__time] unless"
              + " context parameter[" + FORCE_TIME_SORT_KEY + "] is set to[false]. " + WARNING_NON_TIME_SORT_ORDER);
        }
      } else if (clusterBy.indexOf(DruidTypes.TIME_COLUMN) > 0) {
        throw InvalidSqlInput.exception("Sort order (CLUSTERED BY) cannot include[__time] in position["
            + clusterBy.indexOf(DruidTypes.TIME_COLUMN) + "] unless context parameter[" + FORCE_TIME_SORT_KEY
            + "] is set to[false]. " + WARNING_NON_TIME_SORT_ORDER);
      }
    }
    for (String column : contextOrder) {
      if (!outputNames.contains(column)) {
        throw InvalidSqlInput.exception("Column[" + column + "] from context parameter[" + SORT_ORDER_KEY
            + "] does not appear in the query output");
      }
    }
  }

  /**
   * Every output column in segment sort order ({@code __time} included when it is an output
   * column): Druid's {@code SegmentGenerationUtils} order.
   */
  List<String> columns(List<String> clusterBy, List<String> outputNames) {
    Set<String> ordered = new LinkedHashSet<>(contextOrder);
    if (forceTimeSort && outputNames.contains(DruidTypes.TIME_COLUMN)) {
      ordered.add(DruidTypes.TIME_COLUMN);
    }
    ordered.addAll(clusterBy);
    ordered.addAll(outputNames);
    return new ArrayList<>(ordered);
  }

  /** Druid's {@code decodeSortOrder}: a JSON array of names, or one CSV line (quotes allowed). */
  private static List<String> decode(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof String text)) {
      throw InvalidInput.exception("Expected key [" + SORT_ORDER_KEY + "] to be a String, but got [" + value + "]");
    }
    return decodeText(SORT_ORDER_KEY, text);
  }

  /** A list of names in a context parameter's text: a JSON array, or one CSV line (Druid's {@code decodeList}). */
  static List<String> decodeText(String key, String text) {
    if (LOOKS_LIKE_JSON_ARRAY.matcher(text).matches()) {
      try {
        return new ObjectMapper().readValue(text, new TypeReference<List<String>>() { });
      } catch (JsonProcessingException e) {
        throw badValue(key, text);
      }
    }
    List<String> columns = new ArrayList<>();
    for (String field : csvFields(key, text)) {
      if (!field.isEmpty()) {
        columns.add(field.trim());
      }
    }
    return columns;
  }

  /** The fields of one RFC 4180 line: commas separate, double quotes enclose, {@code ""} escapes a quote. */
  private static List<String> csvFields(String key, String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw badValue(key, line);
    }
    fields.add(field.toString());
    return fields;
  }

  private static boolean booleanValue(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof String text) {
      return Boolean.parseBoolean(text); // Druid's QueryContexts.getAsBoolean: any other text is false
    }
    throw InvalidInput.exception("Expected key [" + FORCE_TIME_SORT_KEY + "] to be a Boolean, but got [" + value + "]");
  }

  private static RuntimeException badValue(String key, String text) {
    return InvalidInput.exception("Expected key [" + key + "] to be CSV or JSON array, but got [" + text + "]");
  }
}
