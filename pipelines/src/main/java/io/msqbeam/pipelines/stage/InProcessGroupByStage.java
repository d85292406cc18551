package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.GroupByQuery;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A groupByPreShuffle stage run in-process: each row's contribution ({@link GroupByRowProcessor})
 * goes into its group's accumulator in a hash map, which stands in for Beam's combine and shuffle;
 * at the end of the input every group becomes a row (without HAVING, as on Beam). The map is bounded
 * by {@link InProcessLimits#maxGroups()}.
 */
final class InProcessGroupByStage implements InProcessRowSink {
  private final int stageNumber;
  private final GroupByRowProcessor processor;
  private final int maxGroups;
  private final InProcessCounters.Counter outputRows;
  private final InProcessRowSink downstream;
  private final Map<GroupKey, Object[]> groups = new HashMap<>();
  private final boolean dimensionless;
  private final GroupByQuery query;

  InProcessGroupByStage(int stageNumber, List<ColumnSignature> inputSignature, GroupByQuery query,
      InProcessLimits limits, InProcessCounters counters, InProcessRowSink downstream) {
    this.stageNumber = stageNumber;
    this.processor = new GroupByRowProcessor(inputSignature, query);
    this.maxGroups = limits.maxGroups();
    this.outputRows = counters.outputRows(stageNumber);
    this.downstream = downstream;
    this.dimensionless = query.dimensions().isEmpty();
    this.query = query;
  }

  @Override
  public void accept(Object[] row) {
    Object[] projected = processor.project(row);
    if (projected == null) {
      return;
    }
    for (Object[] values : processor.keys(projected)) {
      GroupKey key = new GroupKey(values);
      Object[] accumulator = groups.get(key);
      if (accumulator == null) {
        if (groups.size() >= maxGroups) {
          throw InProcessRefusalException.limitExceeded(stageNumber, "groups", maxGroups);
        }
        accumulator = processor.aggregators().empty();
        groups.put(key, accumulator);
      }
      processor.accumulate(accumulator, projected);
    }
  }

  @Override
  public void finish() {
    GroupRowProcessor rows = GroupRowProcessor.withoutHaving(query);
    if (groups.isEmpty() && dimensionless) {
      // SQL: an aggregation without GROUP BY answers one row even over no input (COUNT 0, SUM null).
      groups.put(new GroupKey(new Object[0]), processor.aggregators().empty());
    }
    for (Map.Entry<GroupKey, Object[]> group : groups.entrySet()) {
      outputRows.inc();
      downstream.accept(rows.process(group.getKey().values, group.getValue()));
    }
    groups.clear();
    downstream.finish();
  }

  /** Dimension values compared by value, as Beam compares encoded keys. */
  private static final class GroupKey {
    private final Object[] values;
    private final int hash;

    GroupKey(Object[] values) {
      this.values = values;
      this.hash = Arrays.deepHashCode(values);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof GroupKey key && hash == key.hash && Arrays.deepEquals(values, key.values);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
