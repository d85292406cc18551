package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The native scan query a {@code scan} stage runs over its input: virtual columns computed from
 * Druid expressions, an optional filter, and the output columns in order. Shaped like Druid's scan
 * query so the report's stage definition reads the same.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"queryType", "dataSource", "intervals", "virtualColumns", "resultFormat", "filter", "columns",
    "context", "columnTypes", "granularity", "legacy"})
@JsonIgnoreProperties(value = {"queryType", "resultFormat", "granularity", "legacy"}, allowGetters = true)
public record ScanQuery(
    QueryDataSource dataSource,
    QuerySegmentSpec intervals,
    List<VirtualColumn> virtualColumns,
    ExpressionFilter filter,
    List<String> columns,
    List<ColumnType> columnTypes,
    Map<String, Object> context) implements java.io.Serializable {
  public ScanQuery {
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(intervals, "intervals is null");
    virtualColumns = List.copyOf(requireNonNull(virtualColumns, "virtualColumns is null"));
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    columnTypes = List.copyOf(requireNonNull(columnTypes, "columnTypes is null"));
    context = PlanMaps.ordered(context);
    if (columns.size() != columnTypes.size()) {
      throw new IllegalArgumentException("columns and columnTypes differ in size: " + columns + " " + columnTypes);
    }
  }

  @JsonProperty("queryType")
  public String queryType() {
    return "scan";
  }

  @JsonProperty("resultFormat")
  public String resultFormat() {
    return "compactedList";
  }

  @JsonProperty("granularity")
  public Map<String, String> granularity() {
    return Map.of("type", "all");
  }

  @JsonProperty("legacy")
  public boolean legacy() {
    return false;
  }
}
