package io.msqbeam.pipelines.expr;

import io.msqbeam.pipelines.row.JsonValues;
import io.msqbeam.pipelines.segment.DruidRuntime;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.druid.math.expr.Expr;
import org.apache.druid.math.expr.ExprEval;
import org.apache.druid.math.expr.ExpressionType;
import org.apache.druid.math.expr.Parser;

/**
 * A Druid native expression compiled once (parsed by Druid's own parser) and evaluated per row over
 * an {@code Object[]} with a known signature. Not thread-safe: one instance per DoFn instance.
 */
public final class RowExpression {
  private final Expr expr;
  private final RowBinding binding;

  public RowExpression(String expression, List<ColumnSignature> inputSignature) {
    DruidRuntime.initialize();
    this.expr = Parser.parse(expression, DruidExprMacros.table());
    this.binding = new RowBinding(inputSignature);
  }

  /** The column an expression only names ({@code "dim3"}), or null when it computes something. */
  private static final ExpressionType JSON_ARRAY_TYPE = ExpressionType.asArrayType(ExpressionType.NESTED_DATA);

  public static String identifier(String expression) {
    DruidRuntime.initialize();
    return Parser.parse(expression, DruidExprMacros.table()).getIdentifierIfIdentifier();
  }

  /** Evaluates and converts to the given native type (null stays null). */
  public Object evaluate(Object[] row, ColumnType outputType) {
    binding.row = row;
    ExprEval<?> eval = expr.eval(binding);
    if (eval.value() == null) {
      return null;
    }
    return switch (outputType) {
      case STRING -> eval.type().isArray() ? multiValue(eval.asArray()) : eval.asString();
      case LONG -> eval.isNumericNull() ? null : eval.asLong();
      case FLOAT -> eval.isNumericNull() ? null : (float) eval.asDouble();
      case DOUBLE -> eval.isNumericNull() ? null : eval.asDouble();
      case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY -> array(eval, outputType);
      case JSON -> JsonValues.plain(eval.value());
      case JSON_ARRAY -> jsonArray(eval);
      // Expressions never make sketches or pairs; those come only from aggregators and stored metrics.
      case HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR ->
          throw new IllegalArgumentException("An expression cannot give a value of type " + outputType.druidName());
    };
  }

  /**
   * An array result of a VARCHAR expression (an MV_* function) as rows hold a multi-value string:
   * one value as itself, several (or none) as a {@code List<String>}, as Druid returns them.
   */
  private static Object multiValue(Object[] values) {
    if (values == null) {
      return null;
    }
    if (values.length == 1) {
      return values[0] == null ? null : values[0].toString();
    }
    java.util.List<String> list = new java.util.ArrayList<>(values.length);
    for (Object value : values) {
      list.add(value == null ? null : value.toString());
    }
    return list;
  }

  /** An array result as rows hold arrays: {@code Object[]} of String, Long or Double elements. */
  private static Object[] array(ExprEval<?> eval, ColumnType outputType) {
    ExpressionType type = expressionType(outputType);
    Object[] elements = eval.castTo(type).asArray();
    if (elements == null) {
      return null;
    }
    Object[] out = new Object[elements.length];
    for (int i = 0; i < elements.length; i++) {
      Object element = elements[i];
      out[i] = element == null ? null : switch (outputType.elementType()) {
        case LONG -> ((Number) element).longValue();
        case DOUBLE, FLOAT -> ((Number) element).doubleValue();
        default -> element.toString();
      };
    }
    return out;
  }

  /** An array of JSON values as rows hold it: {@code Object[]} of plain JSON trees (maps, lists, scalars). */
  private static Object[] jsonArray(ExprEval<?> eval) {
    Object[] elements = eval.asArray();
    if (elements == null) {
      return null;
    }
    Object[] out = new Object[elements.length];
    for (int i = 0; i < elements.length; i++) {
      out[i] = JsonValues.plain(elements[i]);
    }
    return out;
  }

  private static ExpressionType expressionType(ColumnType type) {
    return switch (type) {
      case STRING -> ExpressionType.STRING;
      case LONG -> ExpressionType.LONG;
      case FLOAT, DOUBLE -> ExpressionType.DOUBLE;
      case STRING_ARRAY -> ExpressionType.STRING_ARRAY;
      case LONG_ARRAY -> ExpressionType.LONG_ARRAY;
      case DOUBLE_ARRAY -> ExpressionType.DOUBLE_ARRAY;
      case JSON -> ExpressionType.NESTED_DATA;
      case JSON_ARRAY -> JSON_ARRAY_TYPE;
      case HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR ->
          ExpressionType.UNKNOWN_COMPLEX;
    };
  }

  /** Evaluates as a SQL condition: true only for a non-null truthy value. */
  public boolean test(Object[] row) {
    binding.row = row;
    ExprEval<?> eval = expr.eval(binding);
    return eval.value() != null && eval.asBoolean();
  }

  /** Binds identifiers to the current row's values by column position. */
  private static final class RowBinding implements Expr.ObjectBinding {
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, ExpressionType> types = new HashMap<>();
    private Object[] row;

    RowBinding(List<ColumnSignature> signature) {
      for (int i = 0; i < signature.size(); i++) {
        positions.put(signature.get(i).name(), i);
        types.put(signature.get(i).name(), expressionType(signature.get(i).type()));
      }
    }

    @Override
    public Object get(String name) {
      Integer position = positions.get(name);
      if (position == null) {
        return null;
      }
      Object value = row[position];
      return value instanceof Float f ? f.doubleValue() : value;
    }

    @Override
    public ExpressionType getType(String name) {
      return types.get(name);
    }
  }
}
