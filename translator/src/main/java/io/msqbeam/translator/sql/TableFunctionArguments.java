package io.msqbeam.translator.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;

/**
 * The argument values of one table-function call by parameter name: strings, lists of strings
 * ({@code ARRAY['a','b']}) and integers, read straight from the literals of the call. An argument left
 * out, {@code DEFAULT} or {@code NULL} is absent.
 */
final class TableFunctionArguments {
  private final Map<String, Object> values;

  TableFunctionArguments(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Reads a bound call; Calcite has already put named arguments in parameter order. */
  static TableFunctionArguments read(SqlOperatorBinding binding, List<TableFunctionParameter> parameters) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (binding instanceof SqlCallBinding call) {
      List<SqlNode> operands = call.operands();
      for (int i = 0; i < parameters.size() && i < operands.size(); i++) {
        Object value = valueOf(operands.get(i));
        if (value != null) {
          values.put(parameters.get(i).name(), value);
        }
      }
    } else {
      for (int i = 0; i < parameters.size() && i < binding.getOperandCount(); i++) {
        if (binding.isOperandLiteral(i, false) && !binding.isOperandNull(i, false)) {
          values.put(parameters.get(i).name(), binding.getOperandLiteralValue(i, Object.class));
        }
      }
    }
    return new TableFunctionArguments(values);
  }

  /** Reads a positional argument list, as Calcite's {@code TableMacro.apply} passes it. */
  static TableFunctionArguments of(List<?> arguments, List<TableFunctionParameter> parameters) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size() && i < arguments.size(); i++) {
      if (arguments.get(i) != null) {
        values.put(parameters.get(i).name(), arguments.get(i));
      }
    }
    return new TableFunctionArguments(values);
  }

  private static Object valueOf(SqlNode node) {
    if (node == null || node.getKind() == SqlKind.DEFAULT) {
      return null;
    }
    if (node.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
      return valueOf(((SqlCall) node).operand(0));
    }
    if (node instanceof SqlLiteral literal) {
      return literal.getValue() == null ? null : literalValue(literal);
    }
    if (node.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
      List<String> elements = new ArrayList<>();
      for (SqlNode element : ((SqlBasicCall) node).getOperandList()) {
        Object value = valueOf(element);
        elements.add(value == null ? null : value.toString());
      }
      return elements;
    }
    if (node.getKind() == SqlKind.CAST) {
      return valueOf(((SqlCall) node).operand(0));
    }
    return null;
  }

  private static Object literalValue(SqlLiteral literal) {
    if (literal.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER) {
      return literal.getValueAs(String.class);
    }
    if (literal.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC) {
      return literal.getValueAs(Long.class);
    }
    return literal.toValue();
  }

  String string(String name) {
    Object value = values.get(name);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  List<String> strings(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    return value instanceof List<?> list ? (List<String>) list : List.of(value.toString());
  }

  Integer integer(String name) {
    Object value = values.get(name);
    return value == null ? null : value instanceof Number number ? number.intValue()
        : Integer.valueOf(value.toString().trim());
  }

  boolean has(String name) {
    return values.containsKey(name);
  }
}
