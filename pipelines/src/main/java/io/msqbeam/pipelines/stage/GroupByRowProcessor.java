package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.DimensionSpec;
import io.msqbeam.translator.plan.GroupByQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-row logic of a groupByPreShuffle stage: filter and virtual columns (as a scan), then the
 * group key (dimension values) and the row's contribution to the group's accumulator. Shared by the
 * Beam path (one-row accumulators for the combiner) and the in-process path (a hash map of
 * accumulators). Expressions are compiled once, when the processor is made. Not thread-safe.
 */
final class GroupByRowProcessor {
  private final ScanRowProcessor projection;
  private final MultiValueKeys keys;
  private final Aggregators aggregators;
  /** For each aggregator: the position of its field in the projected row, -1 for COUNT. */
  private final int[] fieldPositions;
  /** For each aggregator: the position of its FILTER column in the projected row, -1 for none. */
  private final int[] filterPositions;
  /** For each aggregator: the position of its time column (EARLIEST/LATEST) in the projected row, -1 for none. */
  private final int[] timePositions;

  GroupByRowProcessor(List<ColumnSignature> inputSignature, GroupByQuery query) {
    // Project to: the dimensions' source columns, then the aggregators' fields, filters and times.
    List<String> columns = new ArrayList<>();
    for (DimensionSpec dimension : query.dimensions()) {
      columns.add(dimension.dimension());
    }
    keys = new MultiValueKeys(columns, MultiValueKeys.unnests(query.context()));
    aggregators = new Aggregators(query.aggregations());
    fieldPositions = new int[query.aggregations().size()];
    for (int i = 0; i < fieldPositions.length; i++) {
      String field = query.aggregations().get(i).fieldName();
      if (field == null) {
        fieldPositions[i] = -1;
      } else {
        fieldPositions[i] = columns.size();
        columns.add(field);
      }
    }
    filterPositions = new int[query.aggregations().size()];
    for (int i = 0; i < filterPositions.length; i++) {
      String filter = query.aggregations().get(i).filterColumn();
      if (filter == null) {
        filterPositions[i] = -1;
      } else {
        filterPositions[i] = columns.size();
        columns.add(filter);
      }
    }
    timePositions = new int[query.aggregations().size()];
    for (int i = 0; i < timePositions.length; i++) {
      String time = query.aggregations().get(i).timeColumn();
      if (time == null) {
        timePositions[i] = -1;
      } else {
        timePositions[i] = columns.size();
        columns.add(time);
      }
    }
    projection = new ScanRowProcessor(inputSignature, query.virtualColumns(),
        query.filter() == null ? null : query.filter().expression(), columns);
  }

  Aggregators aggregators() {
    return aggregators;
  }

  /** The row reduced to the group key and aggregator fields, or null when the filter rejects it. */
  Object[] project(Object[] row) {
    return projection.process(row);
  }

  /**
   * The group keys (dimension values) of a projected row: one, or one per value of each multi-value
   * dimension (Druid's implicit unnesting; see {@link MultiValueKeys}).
   */
  List<Object[]> keys(Object[] projected) {
    return keys.of(projected);
  }

  /** Adds a projected row to a group's accumulator. */
  void accumulate(Object[] accumulator, Object[] projected) {
    Object[] values = new Object[fieldPositions.length];
    for (int i = 0; i < fieldPositions.length; i++) {
      values[i] = fieldPositions[i] < 0 ? null : projected[fieldPositions[i]];
    }
    boolean[] included = new boolean[filterPositions.length];
    for (int i = 0; i < filterPositions.length; i++) {
      included[i] = filterPositions[i] < 0 || isTrue(projected[filterPositions[i]]);
    }
    Object[] times = new Object[timePositions.length];
    for (int i = 0; i < timePositions.length; i++) {
      times[i] = timePositions[i] < 0 ? null : projected[timePositions[i]];
    }
    aggregators.add(accumulator, values, times, included);
  }

  private static boolean isTrue(Object value) {
    return value instanceof Number number ? number.longValue() != 0
        : value != null && Boolean.parseBoolean(value.toString());
  }
}
