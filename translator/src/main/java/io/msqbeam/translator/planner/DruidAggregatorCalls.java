package io.msqbeam.translator.planner;

import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.AggregatorType;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.sql.DruidAggregateFunctions;
import io.msqbeam.translator.sql.DruidTypes;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;

/**
 * Plans calls of Druid's own aggregate functions ({@link DruidAggregateFunctions}): EARLIEST/LATEST
 * (already rewritten to their _BY forms over {@code __time}), ANY_VALUE, ARRAY_AGG, ARRAY_CONCAT_AGG,
 * STRING_AGG and LISTAGG, choosing the aggregator by the value's type as Druid does (longFirst, stringLast, …).
 * Their trailing arguments are literals read here, not columns.
 */
final class DruidAggregatorCalls {
  private final List<String> projected;
  private final List<RexNode> projects;

  /** @param projected the input column of each field of the aggregate's input, {@code projects} its expression */
  DruidAggregatorCalls(List<String> projected, List<RexNode> projects) {
    this.projected = projected;
    this.projects = projects;
  }

  /** The aggregator of {@code call}, or null when it is not one of Druid's own functions. */
  AggregatorSpec plan(AggregateCall call, String name, String filterColumn) {
    SqlAggFunction function = call.getAggregation();
    List<Integer> args = call.getArgList();
    if (function == DruidAggregateFunctions.EARLIEST_BY || function == DruidAggregateFunctions.LATEST_BY) {
      boolean earliest = function == DruidAggregateFunctions.EARLIEST_BY;
      // Over a stored first/last metric the pairs' values decide, and their own times (Druid folds them).
      ColumnType type = valueType(args.get(0), function).finalizedType();
      AggregatorType aggregator = switch (type) {
        case LONG -> earliest ? AggregatorType.LONG_FIRST : AggregatorType.LONG_LAST;
        case FLOAT -> earliest ? AggregatorType.FLOAT_FIRST : AggregatorType.FLOAT_LAST;
        case DOUBLE -> earliest ? AggregatorType.DOUBLE_FIRST : AggregatorType.DOUBLE_LAST;
        default -> earliest ? AggregatorType.STRING_FIRST : AggregatorType.STRING_LAST;
      };
      Integer maxBytes = args.size() > 2 ? literalInt(args.get(2), function) : null;
      return new AggregatorSpec(aggregator, name, column(args.get(0)), filterColumn, column(args.get(1)),
          type == ColumnType.STRING ? maxBytes : null, null, null, null);
    }
    if (function == DruidAggregateFunctions.ANY_VALUE) {
      ColumnType type = valueType(args.get(0), function);
      AggregatorType aggregator = switch (type) {
        case LONG -> AggregatorType.LONG_ANY;
        case FLOAT -> AggregatorType.FLOAT_ANY;
        case DOUBLE -> AggregatorType.DOUBLE_ANY;
        default -> AggregatorType.STRING_ANY;
      };
      Integer maxBytes = args.size() > 1 ? literalInt(args.get(1), function) : null;
      Boolean multipleValues = args.size() > 2 ? literal(args.get(2), function).getValueAs(Boolean.class) : null;
      return new AggregatorSpec(aggregator, name, column(args.get(0)), filterColumn, null,
          type == ColumnType.STRING ? maxBytes : null, null, null, type == ColumnType.STRING ? multipleValues : null);
    }
    if (function == DruidAggregateFunctions.ARRAY_AGG) {
      ColumnType type = valueType(args.get(0), function);
      Integer maxBytes = args.size() > 1 ? literalInt(args.get(1), function) : null;
      return new AggregatorSpec(call.isDistinct() ? AggregatorType.ARRAY_AGG_DISTINCT : AggregatorType.ARRAY_AGG,
          name, column(args.get(0)), filterColumn, null, maxBytes, null, type, null);
    }
    if (function == DruidAggregateFunctions.ARRAY_CONCAT_AGG) {
      ColumnType type = DruidTypes.nativeType(projects.get(args.get(0)).getType(), projected.get(args.get(0)));
      if (!type.isArray()) {
        throw Unplannable.because("aggregation [" + function.getName() + "] needs an ARRAY argument");
      }
      Integer maxBytes = args.size() > 1 ? literalInt(args.get(1), function) : null;
      return new AggregatorSpec(call.isDistinct() ? AggregatorType.ARRAY_CONCAT_AGG_DISTINCT
          : AggregatorType.ARRAY_CONCAT_AGG, name, column(args.get(0)), filterColumn, null, maxBytes, null,
          type.elementType(), null);
    }
    if (function == DruidAggregateFunctions.STRING_AGG || function == DruidAggregateFunctions.LISTAGG) {
      valueType(args.get(0), function);
      // Without a separator the values are concatenated as they are (Druid's docs).
      String separator = args.size() > 1 ? literalString(args.get(1), function) : "";
      Integer maxBytes = args.size() > 2 ? literalInt(args.get(2), function) : null;
      return new AggregatorSpec(call.isDistinct() ? AggregatorType.STRING_AGG_DISTINCT : AggregatorType.STRING_AGG,
          name, column(args.get(0)), filterColumn, null, maxBytes, separator, null, null);
    }
    return null;
  }

  private String column(int arg) {
    return projected.get(arg);
  }

  /**
   * The native type of an argument's values; arrays and {@code COMPLEX<json>} values are not aggregated by
   * these functions yet (Druid reads a JSON column through its string aggregators, typed VARCHAR, with results
   * we have not checked against it).
   */
  private ColumnType valueType(int arg, SqlAggFunction function) {
    ColumnType type = DruidTypes.nativeType(projects.get(arg).getType(), projected.get(arg));
    if (type.isArray()) {
      throw Unplannable.because("aggregation [" + function.getName() + "] over an ARRAY is not supported yet");
    }
    if (type == ColumnType.JSON) {
      throw Unplannable.because("aggregation [" + function.getName() + "] over a COMPLEX<json> value is not"
          + " supported yet");
    }
    boolean earliestLatest = function == DruidAggregateFunctions.EARLIEST_BY
        || function == DruidAggregateFunctions.LATEST_BY;
    if (type.isRollupState() && !(earliestLatest && type.isPair())) {
      throw Unplannable.because("aggregation [" + function.getName() + "] over a [" + type.druidName()
          + "] column is not supported");
    }
    return type;
  }

  private int literalInt(int arg, SqlAggFunction function) {
    RexLiteral literal = literal(arg, function);
    Number value = literal.getValueAs(Number.class);
    if (value == null) {
      throw Unplannable.because("the size argument of [" + function.getName() + "] must be a non-null literal");
    }
    return value.intValue();
  }

  private String literalString(int arg, SqlAggFunction function) {
    String value = literal(arg, function).getValueAs(String.class);
    if (value == null) {
      throw Unplannable.because("the separator of [" + function.getName() + "] must be a non-null literal");
    }
    return value;
  }

  /** A literal argument, also when Calcite kept a CAST around it (e.g. {@code CAST(10 AS INTEGER)}). */
  private RexLiteral literal(int arg, SqlAggFunction function) {
    RexNode node = projects.get(arg);
    while (node instanceof RexCall call && call.getKind() == SqlKind.CAST) {
      node = call.getOperands().get(0);
    }
    if (node instanceof RexLiteral literal) {
      return literal;
    }
    throw Unplannable.because("argument of [" + function.getName() + "] must be a literal");
  }
}
