package io.msqbeam.translator.planner;

import io.msqbeam.translator.sql.DruidFunctions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;

/**
 * Translates Calcite row expressions into Druid native expression strings (the language of Druid's
 * {@code expression} virtual columns and filters), which the pipelines evaluate with Druid's own
 * expression library, so that function semantics are Druid's.
 */
final class DruidExpressions {
  private final RexBuilder rexBuilder;
  private final List<String> inputColumns;

  DruidExpressions(RexBuilder rexBuilder, List<String> inputColumns) {
    this.rexBuilder = rexBuilder;
    this.inputColumns = List.copyOf(inputColumns);
  }

  String toDruid(RexNode node) {
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, node);
    return translate(expanded);
  }

  private String translate(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return identifier(inputColumns.get(ref.getIndex()));
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    throw Unplannable.because("cannot translate expression [" + node + "]");
  }

  private String call(RexCall call) {
    SqlKind kind = call.getKind();
    List<RexNode> operands = call.getOperands();
    switch (kind) {
      case AND: return join(operands, " && ");
      case OR: return join(operands, " || ");
      case NOT: return "!(" + translate(operands.get(0)) + ")";
      case EQUALS: return binary(operands, "==");
      case NOT_EQUALS: return binary(operands, "!=");
      case LESS_THAN: return binary(operands, "<");
      case LESS_THAN_OR_EQUAL: return binary(operands, "<=");
      case GREATER_THAN: return binary(operands, ">");
      case GREATER_THAN_OR_EQUAL: return binary(operands, ">=");
      case PLUS: return binary(operands, "+");
      case MINUS: return binary(operands, "-");
      case TIMES: return binary(operands, "*");
      case DIVIDE: return binary(operands, "/");
      case MOD: return binary(operands, "%");
      case MINUS_PREFIX: return "-(" + translate(operands.get(0)) + ")";
      case IS_NULL: return "isnull(" + translate(operands.get(0)) + ")";
      case IS_NOT_NULL: return "notnull(" + translate(operands.get(0)) + ")";
      case IS_TRUE: return "istrue(" + translate(operands.get(0)) + ")";
      case IS_FALSE: return "isfalse(" + translate(operands.get(0)) + ")";
      case CASE: return "case_searched(" + joinArgs(operands) + ")";
      case COALESCE: return "coalesce(" + joinArgs(operands) + ")";
      case CAST: return cast(operands.get(0), call.getType());
      case FLOOR: return floor(call);
      case OTHER_FUNCTION: return function(call);
      default: break;
    }
    SqlOperator op = call.getOperator();
    return switch (op.getName().toUpperCase(Locale.ROOT)) {
      case "||", "CONCAT" -> "concat(" + joinArgs(operands) + ")";
      case "LOWER" -> "lower(" + joinArgs(operands) + ")";
      case "UPPER" -> "upper(" + joinArgs(operands) + ")";
      case "CHAR_LENGTH", "CHARACTER_LENGTH" -> "strlen(" + joinArgs(operands) + ")";
      case "ABS" -> "abs(" + joinArgs(operands) + ")";
      default -> throw Unplannable.because("function [" + op.getName() + "] is not supported");
    };
  }

  private String function(RexCall call) {
    List<RexNode> operands = call.getOperands();
    SqlOperator op = call.getOperator();
    if (op == DruidFunctions.TIME_PARSE) {
      String pattern = operands.size() > 1 ? translate(operands.get(1)) : "null";
      String zone = operands.size() > 2 ? translate(operands.get(2)) : "'UTC'";
      return "timestamp_parse(" + translate(operands.get(0)) + "," + pattern + "," + zone + ")";
    }
    if (op == DruidFunctions.TIME_FLOOR) {
      String origin = operands.size() > 2 ? translate(operands.get(2)) : "null";
      String zone = operands.size() > 3 ? translate(operands.get(3)) : "'UTC'";
      return "timestamp_floor(" + translate(operands.get(0)) + "," + translate(operands.get(1)) + "," + origin + ","
          + zone + ")";
    }
    if (op == DruidFunctions.TIME_FORMAT) {
      String pattern = operands.size() > 1 ? translate(operands.get(1)) : "null";
      String zone = operands.size() > 2 ? translate(operands.get(2)) : "'UTC'";
      return "timestamp_format(" + translate(operands.get(0)) + "," + pattern + "," + zone + ")";
    }
    if (op == DruidFunctions.MILLIS_TO_TIMESTAMP || op == DruidFunctions.TIMESTAMP_TO_MILLIS) {
      return translate(operands.get(0));
    }
    throw Unplannable.because("function [" + op.getName() + "] is not supported");
  }

  private String floor(RexCall call) {
    List<RexNode> operands = call.getOperands();
    if (operands.size() == 1) {
      return "floor(" + translate(operands.get(0)) + ")";
    }
    TimeUnitRange unit = (TimeUnitRange) ((RexLiteral) operands.get(1)).getValue();
    String period = switch (unit) {
      case SECOND -> "PT1S";
      case MINUTE -> "PT1M";
      case HOUR -> "PT1H";
      case DAY -> "P1D";
      case WEEK -> "P1W";
      case MONTH -> "P1M";
      case QUARTER -> "P3M";
      case YEAR -> "P1Y";
      default -> throw Unplannable.because("FLOOR to [" + unit + "] is not supported");
    };
    return "timestamp_floor(" + translate(operands.get(0)) + ",'" + period + "',null,'UTC')";
  }

  private String cast(RexNode operand, RelDataType target) {
    RelDataType source = operand.getType();
    String inner = translate(operand);
    SqlTypeName to = target.getSqlTypeName();
    if (source.getSqlTypeName() == to) {
      return inner;
    }
    if (to == SqlTypeName.TIMESTAMP && SqlTypeFamily.CHARACTER.getTypeNames().contains(source.getSqlTypeName())) {
      return "timestamp_parse(" + inner + ",null,'UTC')";
    }
    if (source.getSqlTypeName() == SqlTypeName.TIMESTAMP && SqlTypeFamily.CHARACTER.getTypeNames().contains(to)) {
      return "timestamp_format(" + inner + ",'yyyy-MM-dd HH:mm:ss','UTC')";
    }
    String druidType = switch (to) {
      case CHAR, VARCHAR -> "STRING";
      case TINYINT, SMALLINT, INTEGER, BIGINT, TIMESTAMP, DATE, BOOLEAN -> "LONG";
      case FLOAT, REAL -> "FLOAT";
      case DOUBLE, DECIMAL -> "DOUBLE";
      default -> throw Unplannable.because("CAST to [" + to + "] is not supported");
    };
    return "CAST(" + inner + ", '" + druidType + "')";
  }

  private String literal(RexLiteral literal) {
    if (literal.isNull()) {
      return "null";
    }
    SqlTypeName type = literal.getTypeName();
    return switch (type) {
      case CHAR, VARCHAR -> stringLiteral(literal.getValueAs(String.class));
      case BOOLEAN -> Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? "1" : "0";
      case TINYINT, SMALLINT, INTEGER, BIGINT -> Long.toString(literal.getValueAs(Long.class));
      case DECIMAL -> {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        yield value.scale() <= 0 ? value.toBigInteger().toString() : Double.toString(value.doubleValue());
      }
      case DOUBLE, FLOAT, REAL -> Double.toString(literal.getValueAs(Double.class));
      case TIMESTAMP -> Long.toString(literal.getValueAs(TimestampString.class).getMillisSinceEpoch());
      case DATE -> Long.toString(literal.getValueAs(Integer.class) * 86_400_000L);
      case SYMBOL -> stringLiteral(String.valueOf(literal.getValue()));
      default -> throw Unplannable.because("literal of type [" + type + "] is not supported");
    };
  }

  static String identifier(String name) {
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String stringLiteral(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private String binary(List<RexNode> operands, String op) {
    return "(" + translate(operands.get(0)) + " " + op + " " + translate(operands.get(1)) + ")";
  }

  private String join(List<RexNode> operands, String op) {
    List<String> parts = new ArrayList<>();
    for (RexNode operand : operands) {
      parts.add(translate(operand));
    }
    return "(" + String.join(op, parts) + ")";
  }

  private String joinArgs(List<RexNode> operands) {
    List<String> parts = new ArrayList<>();
    for (RexNode operand : operands) {
      parts.add(translate(operand));
    }
    return String.join(",", parts);
  }
}
