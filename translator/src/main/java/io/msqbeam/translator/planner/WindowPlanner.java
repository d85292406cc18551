package io.msqbeam.translator.planner;

import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.AggregatorType;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.InputNumberDataSource;
import io.msqbeam.translator.plan.InputSpec;
import io.msqbeam.translator.plan.QuerySegmentSpec;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.ScanQuery;
import io.msqbeam.translator.plan.ShuffleSpec;
import io.msqbeam.translator.plan.StageInputSpec;
import io.msqbeam.translator.plan.WindowFunction;
import io.msqbeam.translator.plan.WindowProcessor;
import io.msqbeam.translator.sql.DruidTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Plans window functions ({@code … OVER (PARTITION BY … ORDER BY …)}) as Druid's MSQ does: a
 * {@code window} stage per window (group of functions sharing partitioning, order and frame) over the
 * stage below it, which is partitioned by the window's partition columns and sorted by them and the
 * order. Supported: ROW_NUMBER, RANK, DENSE_RANK, and COUNT/SUM/MIN/MAX over the whole partition or
 * from its start to the current row.
 */
final class WindowPlanner {
  private final StageGraphBuilder builder;

  WindowPlanner(StageGraphBuilder builder) {
    this.builder = builder;
  }

  StageGraphBuilder.Source source(Window window) {
    StageGraphBuilder.Source input = builder.singleInput(window.getInput());
    List<String> columns = new ArrayList<>(input.columns());
    if (!(input.inputs().get(0) instanceof StageInputSpec)) {
      List<ColumnSignature> signature = builder.signatureOf(input.inputs().get(0)).stream()
          .filter(c -> columns.contains(c.name())).toList();
      builder.addStage(input.inputs(), new ScanProcessor(new ScanQuery(new InputNumberDataSource(0),
          QuerySegmentSpec.eternity(), List.of(), null, signature.stream().map(ColumnSignature::name).toList(),
          signature.stream().map(ColumnSignature::type).toList(), builder.nativeContext())), signature, null,
          builder.workers());
    }
    int inputFields = window.getInput().getRowType().getFieldCount();
    for (Window.Group group : window.groups) {
      List<String> partition = group.keys.asList().stream().map(columns::get).toList();
      List<ShuffleSpec.KeyColumn> order = new ArrayList<>();
      for (RelFieldCollation collation : group.orderKeys.getFieldCollations()) {
        order.add(new ShuffleSpec.KeyColumn(columns.get(collation.getFieldIndex()),
            collation.direction.isDescending() ? ShuffleSpec.Order.DESCENDING : ShuffleSpec.Order.ASCENDING));
      }
      WindowFunction.Frame frame = frame(group);
      List<WindowFunction> functions = new ArrayList<>();
      List<ColumnSignature> signature = new ArrayList<>(builder.signatureOf(lastStage()));
      for (Window.RexWinAggCall call : group.aggCalls) {
        String name = outputName(columns);
        functions.add(function(call, name, columns, inputFields, frame));
        columns.add(name);
        signature.add(new ColumnSignature(name, functions.get(functions.size() - 1).outputType()));
      }
      List<ShuffleSpec.KeyColumn> key = new ArrayList<>();
      partition.forEach(c -> key.add(new ShuffleSpec.KeyColumn(c, ShuffleSpec.Order.ASCENDING)));
      key.addAll(order);
      builder.reshuffleLast(partition.isEmpty()
          ? ShuffleSpec.maxCount(new ShuffleSpec.ClusterBy(key, 0), 1, null, null)
          : ShuffleSpec.hash(new ShuffleSpec.ClusterBy(key, 0), builder.workers()));
      builder.addStage(List.of(lastStage()), new WindowProcessor(partition, order, functions,
          maxRows()), signature, null, builder.workers());
    }
    return StageGraphBuilder.Source.single(lastStage(), columns);
  }

  private InputSpec lastStage() {
    return new StageInputSpec(builder.nextStageNumber() - 1);
  }

  private int maxRows() {
    Object value = builder.nativeContext().get("maxRowsMaterializedInWindow");
    return value == null ? WindowProcessor.DEFAULT_MAX_ROWS : Integer.parseInt(value.toString());
  }

  private static String outputName(List<String> columns) {
    for (int n = 0; ; n++) {
      if (!columns.contains("w" + n)) {
        return "w" + n;
      }
    }
  }

  private static WindowFunction.Frame frame(Window.Group group) {
    if (group.orderKeys.getFieldCollations().isEmpty()
        || group.lowerBound.isUnbounded() && group.upperBound.isUnbounded()) {
      return WindowFunction.Frame.PARTITION;
    }
    if (group.lowerBound.isUnbounded() && group.lowerBound.isPreceding() && group.upperBound.isCurrentRow()) {
      return group.isRows ? WindowFunction.Frame.CUMULATIVE_ROWS : WindowFunction.Frame.CUMULATIVE_RANGE;
    }
    throw Unplannable.because("window frame [" + group.lowerBound + " .. " + group.upperBound
        + "] is not supported yet");
  }

  private static WindowFunction function(Window.RexWinAggCall call, String name, List<String> columns,
      int inputFields, WindowFunction.Frame frame) {
    SqlKind kind = call.getOperator().getKind();
    switch (kind) {
      case ROW_NUMBER:
        return new WindowFunction(WindowFunction.Kind.ROW_NUMBER, name, null, null);
      case RANK:
        return new WindowFunction(WindowFunction.Kind.RANK, name, null, null);
      case DENSE_RANK:
        return new WindowFunction(WindowFunction.Kind.DENSE_RANK, name, null, null);
      default:
        break;
    }
    String field = null;
    ColumnType fieldType = null;
    if (!call.getOperands().isEmpty()) {
      RexNode operand = call.getOperands().get(0);
      if (!(operand instanceof RexInputRef ref) || ref.getIndex() >= inputFields || call.getOperands().size() > 1) {
        throw Unplannable.because("window function [" + call + "] is not supported yet");
      }
      field = columns.get(ref.getIndex());
      fieldType = DruidTypes.nativeType(operand.getType(), field);
    }
    boolean integral = fieldType == ColumnType.LONG;
    AggregatorType type = switch (kind) {
      case COUNT -> AggregatorType.COUNT;
      case SUM, SUM0 -> integral ? AggregatorType.LONG_SUM : AggregatorType.DOUBLE_SUM;
      case MIN -> integral ? AggregatorType.LONG_MIN : AggregatorType.DOUBLE_MIN;
      case MAX -> integral ? AggregatorType.LONG_MAX : AggregatorType.DOUBLE_MAX;
      default -> throw Unplannable.because("window function [" + call.getOperator().getName()
          + "] is not supported yet");
    };
    if (type != AggregatorType.COUNT && (field == null || fieldType == ColumnType.STRING)) {
      throw Unplannable.because("window function [" + call + "] is not supported yet");
    }
    return new WindowFunction(WindowFunction.Kind.AGGREGATE, name, new AggregatorSpec(type, name, field), frame);
  }
}
