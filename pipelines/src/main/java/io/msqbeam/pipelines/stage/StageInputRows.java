package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.GroupByPreShuffleProcessor;
import io.msqbeam.translator.plan.InputNumberDataSource;
import io.msqbeam.translator.plan.InputSpec;
import io.msqbeam.translator.plan.JoinDataSource;
import io.msqbeam.translator.plan.QueryDataSource;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.StageInputSpec;
import io.msqbeam.translator.plan.TableInputSpec;
import io.msqbeam.translator.plan.UnionDataSource;
import io.msqbeam.translator.plan.UnnestDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a stage's processor reads, worked out from its native query's data source the same way on
 * every runner: the rows of one input, of a union of inputs (each input's rows laid out as the first
 * one's, by column name), of a join of inputs (left columns, then right columns with the prefix), or
 * of an unnest (the base's columns, then the unnested element).
 */
final class StageInputRows {
  /** Druid's default for broadcast tables is 30% of a worker's memory; ours, in bytes, unless the context says. */
  static final long DEFAULT_MAX_BROADCAST_TABLES_SIZE = 100_000_000L;

  private StageInputRows() {}

  /** The data source of a stage that reads external data, tables or stages through a native query. */
  static QueryDataSource dataSource(StageDefinition stage) {
    if (stage.processor() instanceof ScanProcessor scan) {
      return scan.query().dataSource();
    }
    if (stage.processor() instanceof GroupByPreShuffleProcessor pre) {
      return pre.query().dataSource();
    }
    return new InputNumberDataSource(0);
  }

  /** The signature of the rows the stage's processor reads. */
  static List<ColumnSignature> signature(QueryPlan plan, StageDefinition stage) {
    return signature(plan, stage, dataSource(stage));
  }

  static List<ColumnSignature> signature(QueryPlan plan, StageDefinition stage, QueryDataSource dataSource) {
    if (dataSource instanceof InputNumberDataSource input) {
      return inputSignature(plan, stage.input().get(input.inputNumber()));
    }
    if (dataSource instanceof UnionDataSource union) {
      return signature(plan, stage, union.dataSources().get(0));
    }
    if (dataSource instanceof UnnestDataSource unnest) {
      List<ColumnSignature> out = new ArrayList<>(signature(plan, stage, unnest.base()));
      out.add(new ColumnSignature(unnest.virtualColumn().name(), unnest.elementType()));
      return out;
    }
    JoinDataSource join = (JoinDataSource) dataSource;
    return joined(signature(plan, stage, join.left()), signature(plan, stage, join.right()), join.rightPrefix());
  }

  static List<ColumnSignature> joined(List<ColumnSignature> left, List<ColumnSignature> right, String prefix) {
    List<ColumnSignature> out = new ArrayList<>(left);
    for (ColumnSignature column : right) {
      out.add(new ColumnSignature(prefix + column.name(), column.type()));
    }
    return out;
  }

  static List<ColumnSignature> inputSignature(QueryPlan plan, InputSpec input) {
    if (input instanceof ExternalInputSpec external) {
      return external.signature();
    }
    if (input instanceof TableInputSpec table) {
      return table.signature();
    }
    return plan.stages().get(((StageInputSpec) input).stage()).signature();
  }

  /**
   * For each column of {@code to}, its position in {@code from} (-1: absent, null); null when the
   * layouts are the same and rows need no copying.
   */
  static int[] layout(List<ColumnSignature> from, List<ColumnSignature> to) {
    List<String> names = from.stream().map(ColumnSignature::name).toList();
    int[] positions = new int[to.size()];
    boolean same = from.size() == to.size();
    for (int i = 0; i < to.size(); i++) {
      positions[i] = names.indexOf(to.get(i).name());
      same &= positions[i] == i;
    }
    return same ? null : positions;
  }

  static Object[] relayout(Object[] row, int[] positions) {
    Object[] out = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = positions[i] < 0 ? null : row[positions[i]];
    }
    return out;
  }

  /** The broadcast bound of a stage's native query: {@code maxBroadcastTablesSize} in its context, or ours. */
  static long maxBroadcastTablesSize(Map<String, Object> context) {
    Object value = context == null ? null : context.get("maxBroadcastTablesSize");
    return value instanceof Number number ? number.longValue()
        : value == null ? DEFAULT_MAX_BROADCAST_TABLES_SIZE : Long.parseLong(value.toString());
  }

  static Map<String, Object> context(StageDefinition stage) {
    if (stage.processor() instanceof ScanProcessor scan) {
      return scan.query().context();
    }
    if (stage.processor() instanceof GroupByPreShuffleProcessor pre) {
      return pre.query().context();
    }
    return Map.of();
  }
}
