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
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;

/**
 * Plans window functions ({@code … OVER (PARTITION BY … ORDER BY …)}) as Druid's MSQ does: a
 * {@code window} stage per window (group of functions sharing partitioning, order and frame) over the
 * stage below it, which is partitioned by the window's partition columns and sorted by them and the
 * order. Supported, with Druid's semantics (its {@code Windowing}): ROW_NUMBER, RANK, DENSE_RANK,
 * PERCENT_RANK, CUME_DIST, NTILE, LAG/LEAD, FIRST_VALUE/LAST_VALUE (of the whole partition, as Druid
 * computes them), and COUNT/SUM/MIN/MAX over a ROWS or RANGE frame. Frame rules Druid refuses at
 * validation are refused earlier, by {@code WindowFrameRules}.
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
    for (Window.Group group : window.groups) {
      List<String> partition = group.keys.asList().stream().map(columns::get).toList();
      List<ShuffleSpec.KeyColumn> order = new ArrayList<>();
      for (RelFieldCollation collation : group.orderKeys.getFieldCollations()) {
        order.add(new ShuffleSpec.KeyColumn(columns.get(collation.getFieldIndex()),
            collation.direction.isDescending() ? ShuffleSpec.Order.DESCENDING : ShuffleSpec.Order.ASCENDING));
      }
      WindowFunction.Frame frame = frame(window, group);
      List<WindowFunction> functions = new ArrayList<>();
      List<ColumnSignature> signature = new ArrayList<>(builder.signatureOf(lastStage()));
      for (Window.RexWinAggCall call : group.aggCalls) {
        String name = outputName(columns);
        functions.add(function(window, call, name, columns, frame));
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

  /**
   * The frame of an aggregate, as Druid's {@code Windowing} builds it: ROWS frames count rows, RANGE
   * frames count peer groups (rows equal in the window's order); both unbounded is the partition.
   */
  private static WindowFunction.Frame frame(Window window, Window.Group group) {
    if (group.lowerBound.isUnbounded() && group.upperBound.isUnbounded()) {
      return WindowFunction.Frame.unbounded();
    }
    return new WindowFunction.Frame(group.isRows ? WindowFunction.PeerType.ROWS : WindowFunction.PeerType.GROUPS,
        offset(window, group.lowerBound), offset(window, group.upperBound));
  }

  private static Integer offset(Window window, RexWindowBound bound) {
    if (bound.isUnbounded()) {
      return null;
    }
    if (bound.isCurrentRow()) {
      return 0;
    }
    int rows = constantInt(window, bound.getOffset());
    return bound.isPreceding() ? -rows : rows;
  }

  /** A literal argument, which Calcite moves into the window's constants and refers to past the input fields. */
  private static int constantInt(Window window, RexNode node) {
    RexNode constant = node;
    int inputFields = window.getInput().getRowType().getFieldCount();
    if (node instanceof RexInputRef ref && ref.getIndex() >= inputFields) {
      constant = window.constants.get(ref.getIndex() - inputFields);
    }
    if (constant instanceof RexLiteral literal && literal.getValue() instanceof Number number) {
      return number.intValue();
    }
    throw Unplannable.because("window function argument [" + node + "] must be a literal");
  }

  private static WindowFunction function(Window window, Window.RexWinAggCall call, String name,
      List<String> columns, WindowFunction.Frame frame) {
    int inputFields = window.getInput().getRowType().getFieldCount();
    SqlKind kind = call.getOperator().getKind();
    List<RexNode> operands = call.getOperands();
    switch (kind) {
      case ROW_NUMBER:
        return WindowFunction.ranking(WindowFunction.Kind.ROW_NUMBER, name);
      case RANK:
        return WindowFunction.ranking(WindowFunction.Kind.RANK, name);
      case DENSE_RANK:
        return WindowFunction.ranking(WindowFunction.Kind.DENSE_RANK, name);
      case PERCENT_RANK:
        return WindowFunction.ranking(WindowFunction.Kind.PERCENT_RANK, name);
      case CUME_DIST:
        return WindowFunction.ranking(WindowFunction.Kind.CUME_DIST, name);
      case NTILE:
        return WindowFunction.ntile(name, constantInt(window, operands.get(0)));
      case LAG:
      case LEAD: {
        // Druid ignores LAG/LEAD's third argument, the default (a known issue, apache/druid#15270): past the
        // partition's edge the value is null whatever the default says.
        int rows = operands.size() > 1 ? constantInt(window, operands.get(1)) : 1;
        String input = inputColumn(call, operands.get(0), columns, inputFields);
        return WindowFunction.offset(name, input, DruidTypes.nativeType(operands.get(0).getType(), input),
            kind == SqlKind.LAG ? -rows : rows);
      }
      case FIRST_VALUE:
      case LAST_VALUE: {
        String input = inputColumn(call, operands.get(0), columns, inputFields);
        return WindowFunction.value(kind == SqlKind.FIRST_VALUE ? WindowFunction.Kind.FIRST : WindowFunction.Kind.LAST,
            name, input, DruidTypes.nativeType(operands.get(0).getType(), input));
      }
      default:
        break;
    }
    String field = null;
    ColumnType fieldType = null;
    if (!operands.isEmpty()) {
      if (operands.size() > 1) {
        throw Unplannable.because("window function [" + call + "] is not supported yet");
      }
      field = inputColumn(call, operands.get(0), columns, inputFields);
      fieldType = DruidTypes.nativeType(operands.get(0).getType(), field);
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
    return WindowFunction.aggregate(name, new AggregatorSpec(type, name, field), frame);
  }

  /** The input column a window function reads: a field of the window's input (expressions are projected below). */
  private static String inputColumn(Window.RexWinAggCall call, RexNode operand, List<String> columns, int inputFields) {
    if (!(operand instanceof RexInputRef ref) || ref.getIndex() >= inputFields) {
      throw Unplannable.because("window function [" + call + "] is not supported yet");
    }
    return columns.get(ref.getIndex());
  }
}
