package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.druid.data.input.impl.DimensionSchema;
import org.apache.druid.data.input.impl.DimensionsSpec;
import org.apache.druid.data.input.impl.LongDimensionSchema;
import org.apache.druid.java.util.common.granularity.Granularities;
import org.apache.druid.java.util.common.granularity.Granularity;
import org.apache.druid.java.util.common.granularity.PeriodGranularity;
import org.apache.druid.query.aggregation.AggregatorFactory;

/**
 * What a segment holds: its datasource, its ordered dimensions (after {@code __time}) and, for a
 * rolled-up segment, its metrics.
 *
 * <p>{@code rollup} is what the segment's metadata says: rows with equal time and dimensions are
 * combined by the metrics' aggregators. Metrics need rollup; rollup without metrics is a GROUP BY
 * with no aggregates, still rolled up by Druid.
 *
 * <p>{@code queryGranularity} is the segment's metadata's: what its timestamps were truncated to, {@code none}
 * unless a rollup's {@code __time} is a floor of a table's time (the planner's {@code QueryGranularity}).
 *
 * <p>{@code timeSortPosition} says where {@code __time} sorts: {@link #TIME_FIRST} (Druid's default,
 * {@code forceSegmentSortByTime: true}) sorts rows by time, then the dimensions; a position {@code p}
 * sorts them by the first {@code p} dimensions, then time, then the other dimensions (Druid 31+'s
 * segments not sorted by time, whose metadata records that ordering).
 */
public record SegmentSchema(String dataSource, List<SegmentColumn> dimensions, List<SegmentMetric> metrics,
    boolean rollup, int timeSortPosition, Granularity queryGranularity) {

  /** {@code timeSortPosition} of a segment sorted by {@code __time} first. */
  public static final int TIME_FIRST = 0;

  /** Druid's name for the timestamp column every segment has. */
  public static final String TIME_COLUMN = "__time";

  public SegmentSchema {
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(queryGranularity, "queryGranularity is null");
    if (!rollup && !Granularities.NONE.equals(queryGranularity)) {
      throw new IllegalArgumentException("A query granularity needs rollup");
    }
    requireNonNull(dimensions, "dimensions is null");
    dimensions = List.copyOf(dimensions);
    metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
    if (!rollup && !metrics.isEmpty()) {
      throw new IllegalArgumentException("Metrics need rollup");
    }
    if (timeSortPosition < 0 || timeSortPosition > dimensions.size()) {
      throw new IllegalArgumentException("timeSortPosition " + timeSortPosition + " is not a dimension position");
    }
    if (dataSource.isEmpty()) {
      throw new IllegalArgumentException("dataSource is empty");
    }
    Set<String> seen = new HashSet<>();
    for (SegmentColumn dimension : dimensions) {
      if (!seen.add(dimension.name())) {
        throw new IllegalArgumentException("Duplicate dimension [" + dimension.name() + "]");
      }
    }
    for (SegmentMetric metric : metrics) {
      if (!seen.add(metric.name())) {
        throw new IllegalArgumentException("Duplicate column [" + metric.name() + "]");
      }
    }
  }

  /** A schema of Druid's query granularity {@code none}. */
  public SegmentSchema(String dataSource, List<SegmentColumn> dimensions, List<SegmentMetric> metrics,
      boolean rollup, int timeSortPosition) {
    this(dataSource, dimensions, metrics, rollup, timeSortPosition, Granularities.NONE);
  }

  /** A schema sorted by {@code __time} first. */
  public SegmentSchema(String dataSource, List<SegmentColumn> dimensions, List<SegmentMetric> metrics,
      boolean rollup) {
    this(dataSource, dimensions, metrics, rollup, TIME_FIRST);
  }

  /** A schema without rollup: every column is a dimension. */
  public SegmentSchema(String dataSource, List<SegmentColumn> dimensions) {
    this(dataSource, dimensions, List.of(), false);
  }

  /** The dimension names in segment order. */
  public List<String> dimensionNames() {
    return dimensions.stream().map(SegmentColumn::name).toList();
  }

  /** The metric names in segment order (after the dimensions). */
  public List<String> metricNames() {
    return metrics.stream().map(SegmentMetric::name).toList();
  }

  /** Druid's aggregators for the metrics, in order. */
  AggregatorFactory[] toAggregatorFactories() {
    return metrics.stream().map(SegmentMetric::toAggregatorFactory).toArray(AggregatorFactory[]::new);
  }

  /**
   * Druid's dimensions spec: exactly these dimensions, in this order; when time does not sort first,
   * {@code __time} as a long dimension at its place and {@code forceSegmentSortByTime: false}.
   */
  DimensionsSpec toDimensionsSpec() {
    List<DimensionSchema> schemas = new ArrayList<>(dimensions.stream().map(SegmentColumn::toDimensionSchema).toList());
    if (timeSortPosition == TIME_FIRST) {
      return DimensionsSpec.builder().setDimensions(schemas).build();
    }
    schemas.add(timeSortPosition, new LongDimensionSchema(TIME_COLUMN));
    return DimensionsSpec.builder().setDimensions(schemas).setForceSegmentSortByTime(false).build();
  }

  /** Druid's granularity for the plan's {@code queryGranularity}. */
  public static Granularity granularity(io.msqbeam.translator.plan.QueryGranularity planned) {
    if (planned.isNone()) {
      return Granularities.NONE;
    }
    return new PeriodGranularity(new org.joda.time.Period(planned.period()),
        planned.origin() == null ? null : org.joda.time.DateTime.parse(planned.origin()),
        org.joda.time.DateTimeZone.forID(planned.timeZone()));
  }
}
