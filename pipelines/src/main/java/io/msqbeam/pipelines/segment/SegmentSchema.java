package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.druid.data.input.impl.DimensionsSpec;

/**
 * What a segment holds: its datasource and its ordered dimensions (after {@code __time}).
 *
 * <p>Segments are written without rollup, so there are no metrics yet; {@link #metricNames()}
 * is where rollup's aggregators will show up, and the writer already threads it through to the
 * index and the segment payload.
 */
public record SegmentSchema(String dataSource, List<SegmentColumn> dimensions) {

  /** Druid's name for the timestamp column every segment has. */
  public static final String TIME_COLUMN = "__time";

  public SegmentSchema {
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(dimensions, "dimensions is null");
    dimensions = List.copyOf(dimensions);
    if (dataSource.isEmpty()) {
      throw new IllegalArgumentException("dataSource is empty");
    }
    Set<String> seen = new HashSet<>();
    for (SegmentColumn dimension : dimensions) {
      if (!seen.add(dimension.name())) {
        throw new IllegalArgumentException("Duplicate dimension [" + dimension.name() + "]");
      }
    }
  }

  /** The dimension names in segment order. */
  public List<String> dimensionNames() {
    return dimensions.stream().map(SegmentColumn::name).toList();
  }

  /** The metric names; always empty until rollup is supported. */
  public List<String> metricNames() {
    return List.of();
  }

  /** Druid's dimensions spec: exactly these dimensions, in this order, rows sorted by time first. */
  DimensionsSpec toDimensionsSpec() {
    return DimensionsSpec.builder()
        .setDimensions(dimensions.stream().map(SegmentColumn::toDimensionSchema).toList())
        .build();
  }
}
