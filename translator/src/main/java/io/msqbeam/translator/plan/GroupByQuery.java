package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The native groupBy query shared by a {@code groupByPreShuffle} stage (partial aggregation of its
 * input) and the {@code groupByPostShuffle} stage after it (combining the partials, then HAVING).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"queryType", "dataSource", "intervals", "virtualColumns", "filter", "granularity", "dimensions",
    "aggregations", "having", "postAggregations", "context"})
@JsonIgnoreProperties(value = {"queryType", "granularity"}, allowGetters = true)
public record GroupByQuery(
    QueryDataSource dataSource,
    QuerySegmentSpec intervals,
    List<VirtualColumn> virtualColumns,
    ExpressionFilter filter,
    List<DimensionSpec> dimensions,
    List<AggregatorSpec> aggregations,
    ExpressionFilter having,
    List<VirtualColumn> postAggregations,
    Map<String, Object> context) implements java.io.Serializable {
  public GroupByQuery {
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(intervals, "intervals is null");
    virtualColumns = virtualColumns == null ? List.of() : List.copyOf(virtualColumns);
    dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
    aggregations = List.copyOf(requireNonNull(aggregations, "aggregations is null"));
    postAggregations = postAggregations == null ? List.of() : List.copyOf(postAggregations);
    context = PlanMaps.ordered(context);
  }

  public GroupByQuery(QueryDataSource dataSource, QuerySegmentSpec intervals, List<VirtualColumn> virtualColumns,
      ExpressionFilter filter, List<DimensionSpec> dimensions, List<AggregatorSpec> aggregations,
      ExpressionFilter having, Map<String, Object> context) {
    this(dataSource, intervals, virtualColumns, filter, dimensions, aggregations, having, List.of(), context);
  }

  @JsonProperty("queryType")
  public String queryType() {
    return "groupBy";
  }

  @JsonProperty("granularity")
  public Map<String, String> granularity() {
    return Map.of("type", "all");
  }

  /** The signature before post-aggregation: dimensions then aggregations. */
  public List<ColumnSignature> aggregateSignature() {
    List<ColumnSignature> out = new java.util.ArrayList<>();
    for (DimensionSpec d : dimensions) {
      out.add(new ColumnSignature(d.outputName(), d.outputType()));
    }
    for (AggregatorSpec a : aggregations) {
      out.add(new ColumnSignature(a.name(), a.outputType()));
    }
    return List.copyOf(out);
  }

  /**
   * Whether the aggregates come out finalized (Druid's native context {@code finalize}, true unless
   * false). Unfinalized, EARLIEST/LATEST and APPROX_COUNT_DISTINCT emit their intermediate values
   * (pairs, sketches), as a rollup ingestion stores them; HAVING and post-aggregations still see the
   * finalized values, as Druid's expression post-aggregators finalize their inputs.
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean finalizes() {
    Object finalize = context.get("finalize");
    return finalize == null || Boolean.parseBoolean(finalize.toString());
  }

  /** This query with Druid's native context {@code finalize} set to {@code finalize}. */
  public GroupByQuery withFinalize(boolean finalize) {
    Map<String, Object> newContext = new java.util.LinkedHashMap<>(context);
    newContext.put("finalize", finalize);
    return new GroupByQuery(dataSource, intervals, virtualColumns, filter, dimensions, aggregations, having,
        postAggregations, newContext);
  }

  /** The output signature: dimensions, aggregations, then post-aggregations, as Druid's groupBy stages emit. */
  public List<ColumnSignature> outputSignature() {
    List<ColumnSignature> out = new java.util.ArrayList<>();
    for (DimensionSpec d : dimensions) {
      out.add(new ColumnSignature(d.outputName(), d.outputType()));
    }
    for (AggregatorSpec a : aggregations) {
      out.add(new ColumnSignature(a.name(), finalizes() ? a.outputType() : a.intermediateType()));
    }
    for (VirtualColumn p : postAggregations) {
      out.add(new ColumnSignature(p.name(), p.outputType()));
    }
    return List.copyOf(out);
  }
}
