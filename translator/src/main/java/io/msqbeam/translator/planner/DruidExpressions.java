package io.msqbeam.translator.planner;

import io.msqbeam.translator.catalog.Lookups;
import io.msqbeam.translator.error.InvalidSqlInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;

/**
 * Translates Calcite row expressions into Druid native expression strings (the language of Druid's
 * {@code expression} virtual columns and filters), which the pipelines evaluate with Druid's own
 * expression library, so that function semantics are Druid's. Each SQL function is rewritten the
 * way Druid's {@code *OperatorConversion} classes rewrite it; anything else is unplannable.
 *
 * <p>The shapes handled follow what Calcite's standard convertlets produce: TIMESTAMPADD arrives
 * as {@code ts + interval * n}, TIMESTAMPDIFF as {@code /INT(Reinterpret(t2 - t1), unitMillis)},
 * COALESCE and NULLIF as CASE, IN and BETWEEN as SEARCH (expanded here).
 */
final class DruidExpressions {
  /** SQL functions that are a native function of the same arguments under another (or the same) name. */
  private static final Map<String, String> DIRECT = Map.ofEntries(
      Map.entry("ABS", "abs"), Map.entry("EXP", "exp"), Map.entry("LN", "log"), Map.entry("LOG10", "log10"),
      Map.entry("POWER", "pow"), Map.entry("SQRT", "sqrt"), Map.entry("ROUND", "round"), Map.entry("PI", "pi"),
      Map.entry("SIN", "sin"), Map.entry("COS", "cos"), Map.entry("TAN", "tan"), Map.entry("COT", "cot"),
      Map.entry("ASIN", "asin"), Map.entry("ACOS", "acos"), Map.entry("ATAN", "atan"), Map.entry("ATAN2", "atan2"),
      Map.entry("DEGREES", "todegrees"), Map.entry("RADIANS", "toradians"),
      Map.entry("DIV", "div"), Map.entry("SAFE_DIVIDE", "safe_divide"),
      Map.entry("BITWISE_AND", "bitwiseAnd"), Map.entry("BITWISE_OR", "bitwiseOr"),
      Map.entry("BITWISE_XOR", "bitwiseXor"), Map.entry("BITWISE_COMPLEMENT", "bitwiseComplement"),
      Map.entry("BITWISE_SHIFT_LEFT", "bitwiseShiftLeft"), Map.entry("BITWISE_SHIFT_RIGHT", "bitwiseShiftRight"),
      Map.entry("BITWISE_CONVERT_DOUBLE_TO_LONG_BITS", "bitwiseConvertDoubleToLongBits"),
      Map.entry("BITWISE_CONVERT_LONG_BITS_TO_DOUBLE", "bitwiseConvertLongBitsToDouble"),
      Map.entry("HUMAN_READABLE_BINARY_BYTE_FORMAT", "human_readable_binary_byte_format"),
      Map.entry("HUMAN_READABLE_DECIMAL_BYTE_FORMAT", "human_readable_decimal_byte_format"),
      Map.entry("HUMAN_READABLE_DECIMAL_FORMAT", "human_readable_decimal_format"),
      Map.entry("GREATEST", "greatest"), Map.entry("LEAST", "least"), Map.entry("NVL", "nvl"),
      Map.entry("||", "concat"), Map.entry("CONCAT", "concat"), Map.entry("TEXTCAT", "concat"),
      Map.entry("CONTAINS_STRING", "contains_string"), Map.entry("ICONTAINS_STRING", "icontains_string"),
      Map.entry("LEFT", "left"), Map.entry("RIGHT", "right"), Map.entry("LENGTH", "strlen"),
      Map.entry("CHAR_LENGTH", "strlen"), Map.entry("CHARACTER_LENGTH", "strlen"), Map.entry("STRLEN", "strlen"),
      Map.entry("LOWER", "lower"), Map.entry("UPPER", "upper"), Map.entry("PARSE_LONG", "parse_long"),
      Map.entry("REGEXP_EXTRACT", "regexp_extract"), Map.entry("REGEXP_LIKE", "regexp_like"),
      Map.entry("REGEXP_REPLACE", "regexp_replace"), Map.entry("REPLACE", "replace"), Map.entry("REPEAT", "repeat"),
      Map.entry("REVERSE", "reverse"), Map.entry("STRING_FORMAT", "format"), Map.entry("BTRIM", "trim"),
      Map.entry("LTRIM", "ltrim"), Map.entry("RTRIM", "rtrim"), Map.entry("DECODE_BASE64_UTF8", "decode_base64_utf8"));

  /** DATE_TRUNC's units and the periods Druid floors them to (microseconds: Druid keeps millis). */
  private static final Map<String, String> TRUNCATION_PERIODS = Map.ofEntries(
      Map.entry("microseconds", "PT0.001S"), Map.entry("milliseconds", "PT0.001S"), Map.entry("second", "PT1S"),
      Map.entry("minute", "PT1M"), Map.entry("hour", "PT1H"), Map.entry("day", "P1D"), Map.entry("week", "P1W"),
      Map.entry("month", "P1M"), Map.entry("quarter", "P3M"), Map.entry("year", "P1Y"),
      Map.entry("decade", "P10Y"), Map.entry("century", "P100Y"), Map.entry("millennium", "P1000Y"));

  /** The units of {@code timestamp_extract}, which EXTRACT and TIME_EXTRACT share. */
  private static final List<String> EXTRACT_UNITS = List.of("EPOCH", "MILLISECOND", "SECOND", "MINUTE", "HOUR",
      "DAY", "DOW", "ISODOW", "DOY", "WEEK", "MONTH", "QUARTER", "YEAR", "ISOYEAR", "DECADE", "CENTURY",
      "MILLENNIUM");

  private final RexBuilder rexBuilder;
  private final List<String> inputColumns;
  private final long nowMillis;
  private final ZoneId timeZone;
  private final Lookups lookups;

  /** Translates in UTC (Druid's default {@code sqlTimeZone}), with CURRENT_TIMESTAMP fixed now. */
  DruidExpressions(RexBuilder rexBuilder, List<String> inputColumns) {
    this(rexBuilder, inputColumns, Instant.now().toEpochMilli(), ZoneId.of("UTC"), Lookups.NONE);
  }

  /**
   * @param nowMillis the planning instant: CURRENT_TIMESTAMP and CURRENT_DATE are constants of the
   *     plan in Druid, so every expression of one statement should share it
   * @param timeZone the connection time zone ({@code sqlTimeZone}), applied to TIMESTAMP literals and
   *     to time functions whose time zone is not given
   * @param lookups the statement's lookups, whose maps LOOKUP calls carry into the expression
   */
  DruidExpressions(RexBuilder rexBuilder, List<String> inputColumns, long nowMillis, ZoneId timeZone,
      Lookups lookups) {
    this.lookups = lookups;
    this.rexBuilder = rexBuilder;
    this.inputColumns = List.copyOf(inputColumns);
    this.nowMillis = nowMillis;
    this.timeZone = timeZone;
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
    List<RexNode> operands = call.getOperands();
    switch (call.getKind()) {
      case AND: return join(operands, " && ");
      case OR: return join(operands, " || ");
      case NOT: return "!(" + translate(operands.get(0)) + ")";
      case EQUALS: return binary(operands, "==");
      case NOT_EQUALS: return binary(operands, "!=");
      case LESS_THAN: return binary(operands, "<");
      case LESS_THAN_OR_EQUAL: return binary(operands, "<=");
      case GREATER_THAN: return binary(operands, ">");
      case GREATER_THAN_OR_EQUAL: return binary(operands, ">=");
      case PLUS: return plusOrMinus(call, 1);
      case MINUS: return plusOrMinus(call, -1);
      case TIMES: return binary(operands, "*");
      case DIVIDE:
        return call.getOperator() == SqlStdOperatorTable.DIVIDE_INTEGER
            ? function("div", operands) : binary(operands, "/");
      case MOD: return binary(operands, "%");
      case MINUS_PREFIX: return "-(" + translate(operands.get(0)) + ")";
      case REINTERPRET: return translate(operands.get(0));
      case IS_NULL: return function("isnull", operands);
      case IS_NOT_NULL: return function("notnull", operands);
      case IS_TRUE: return function("istrue", operands);
      case IS_NOT_TRUE: return function("nottrue", operands);
      case IS_FALSE: return function("isfalse", operands);
      case IS_NOT_FALSE: return function("notfalse", operands);
      case CASE: return function("case_searched", operands);
      case COALESCE: return function("coalesce", operands);
      case CAST: return cast(operands.get(0), call.getType());
      case FLOOR: return operands.size() == 1 ? function("floor", operands) : timeRound("timestamp_floor", operands);
      case CEIL: return operands.size() == 1 ? function("ceil", operands) : timeRound("timestamp_ceil", operands);
      case EXTRACT: return extract(operands.get(1), unitOf(operands.get(0)).name(), null);
      case LIKE: return function("like", operands);
      case TRIM: return trim(operands);
      case POSITION: return position(operands);
      case ARRAY_VALUE_CONSTRUCTOR: return function("array", operands);
      default: return namedFunction(call);
    }
  }

  /** Functions told apart by name: Calcite's standard ones of kind OTHER_FUNCTION and Druid's own. */
  private String namedFunction(RexCall call) {
    List<RexNode> operands = call.getOperands();
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    String direct = DIRECT.get(name);
    if (direct != null) {
      return function(direct, operands);
    }
    String array = io.msqbeam.translator.sql.ArrayFunctions.NATIVE_NAMES.get(name);
    if (array != null) {
      return function(array, operands);
    }
    String ip = io.msqbeam.translator.sql.IpAddressFunctions.NATIVE_NAMES.get(name);
    if (ip != null) {
      return function(ip, operands);
    }
    String json = io.msqbeam.translator.sql.JsonFunctions.NATIVE_NAMES.get(name);
    if (json != null) {
      return function(json, operands);
    }
    return switch (name) {
      case "TIME_PARSE" -> "timestamp_parse(" + translate(operands.get(0)) + "," + optional(operands, 1, "null") + ","
          + optional(operands, 2, zone()) + ")";
      case "TIME_FORMAT" -> "timestamp_format(" + translate(operands.get(0)) + "," + optional(operands, 1, "null")
          + "," + optional(operands, 2, zone()) + ")";
      case "TIME_FLOOR" -> timeFunction("timestamp_floor", operands);
      case "TIME_CEIL" -> timeFunction("timestamp_ceil", operands);
      case "TIME_SHIFT" -> "timestamp_shift(" + translate(operands.get(0)) + "," + translate(operands.get(1)) + ","
          + translate(operands.get(2)) + "," + optional(operands, 3, zone()) + ")";
      case "TIME_EXTRACT" -> extract(operands.get(0), timeExtractUnit(operands.get(1)),
          operands.size() > 2 ? translate(operands.get(2)) : null);
      case "TIME_IN_INTERVAL" -> timeInInterval(operands);
      case "DATE_TRUNC" -> dateTrunc(operands);
      case "MILLIS_TO_TIMESTAMP", "TIMESTAMP_TO_MILLIS" -> translate(operands.get(0));
      case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP" -> Long.toString(nowMillis);
      case "CURRENT_DATE" -> Long.toString(Instant.ofEpochMilli(nowMillis).atZone(timeZone)
          .truncatedTo(ChronoUnit.DAYS).toInstant().toEpochMilli());
      case "LPAD", "RPAD" -> name.toLowerCase(Locale.ROOT) + "(" + translate(operands.get(0)) + ","
          + translate(operands.get(1)) + "," + optional(operands, 2, "' '") + ")";
      case "STRPOS" -> "(strpos(" + translate(operands.get(0)) + "," + translate(operands.get(1)) + ") + 1)";
      case "SUBSTRING", "SUBSTR" -> substring(operands);
      case "TRUNCATE", "TRUNC" -> truncate(operands);
      case "MV_TO_ARRAY" -> function("mv_to_array", operands);
      case "JSON_VALUE" -> jsonValue(call);
      case "LOOKUP" -> lookup(operands);
      // Druid's MV_FILTER_ONLY/NONE keep (drop) the values of a multi-value string found in the array.
      case "MV_FILTER_ONLY" -> "filter((x) -> array_contains(" + translate(operands.get(1)) + ",x),"
          + translate(operands.get(0)) + ")";
      case "MV_FILTER_NONE" -> "filter((x) -> !array_contains(" + translate(operands.get(1)) + ",x),"
          + translate(operands.get(0)) + ")";
      default -> throw Unplannable.because("function [" + call.getOperator().getName() + "] is not supported");
    };
  }

  /**
   * Arithmetic, and Druid's time arithmetic: a day-time interval is millis and is added as a number;
   * a year-month interval is months and shifts by a period; TIMESTAMP minus TIMESTAMP in months
   * (TIMESTAMPDIFF by MONTH, QUARTER or YEAR) counts whole months.
   */
  private String plusOrMinus(RexCall call, int direction) {
    List<RexNode> operands = call.getOperands();
    String op = direction > 0 ? "+" : "-";
    RexNode right = operands.get(1);
    if (right.getType().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
      return "timestamp_shift(" + translate(operands.get(0)) + ",concat('P'," + translate(right) + ",'M'),"
          + direction + "," + zone() + ")";
    }
    if (direction < 0 && call.getType().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH && isDatetime(right)) {
      return "subtract_months(" + translate(operands.get(0)) + "," + translate(right) + "," + zone() + ")";
    }
    return binary(operands, op);
  }

  private String cast(RexNode operand, RelDataType target) {
    SqlTypeName from = operand.getType().getSqlTypeName();
    SqlTypeName to = target.getSqlTypeName();
    String inner = translate(operand);
    if (SqlTypeName.CHAR_TYPES.contains(from) && (to == SqlTypeName.TIMESTAMP || to == SqlTypeName.DATE)) {
      // SQL format ("2000-01-02 03:04:05") or ISO; unparseable strings give null, as in Druid.
      String parsed = "timestamp_parse(" + inner + ",null," + zone() + ")";
      return to == SqlTypeName.DATE ? floorToDay(parsed) : parsed;
    }
    if ((from == SqlTypeName.TIMESTAMP || from == SqlTypeName.DATE) && SqlTypeName.CHAR_TYPES.contains(to)) {
      String pattern = from == SqlTypeName.DATE ? "'yyyy-MM-dd'" : "'yyyy-MM-dd HH:mm:ss'";
      return "timestamp_format(" + inner + "," + pattern + "," + zone() + ")";
    }
    String fromType = nativeType(from);
    String toType = nativeType(to);
    if (fromType == null || toType == null) {
      throw Unplannable.because("CAST from [" + from + "] to [" + to + "] is not supported");
    }
    String converted = fromType.equals(toType) ? inner : "CAST(" + inner + ", '" + toType + "')";
    return to == SqlTypeName.DATE ? floorToDay(converted) : converted;
  }

  /**
   * Calcite's JSON_VALUE(expr, path [RETURNING type] …): Druid's {@code json_value} with the type the
   * value is read as (VARCHAR without RETURNING), as Druid's JsonValueOperatorConversion writes it.
   */
  private String jsonValue(RexCall call) {
    String type = nativeType(call.getType().getSqlTypeName());
    if (type == null) {
      throw Unplannable.because("JSON_VALUE RETURNING [" + call.getType() + "] is not supported");
    }
    return "json_value(" + translate(call.getOperands().get(0)) + "," + translate(call.getOperands().get(1)) + ",'"
        + type + "')";
  }

  /**
   * LOOKUP(expr, 'name'[, replaceMissingValueWith]) as {@code map_lookup(expr, 'name', '<map as JSON>',
   * replaceMissingValueWith)}: the map travels inside the expression, so a worker anywhere (a remote
   * Flink TaskManager included) evaluates it without reaching back to the server. The name only
   * labels the expression. An unknown name fails planning with the message Druid's lookup extraction
   * gives when it cannot find the lookup.
   */
  private String lookup(List<RexNode> operands) {
    String name = literalString(operands.get(1), "LOOKUP lookup name");
    java.util.Map<String, String> map = lookups.map(name)
        .orElseThrow(() -> io.msqbeam.translator.error.UncategorizedError.exception(
            "Lookup [" + name + "] not found", null));
    String replaceMissingValueWith = "null";
    if (operands.size() > 2) {
      if (!(operands.get(2) instanceof RexLiteral)) {
        throw InvalidSqlInput.exception("LOOKUP's replaceMissingValueWith must be a literal");
      }
      replaceMissingValueWith = translate(operands.get(2));
    }
    return "map_lookup(" + translate(operands.get(0)) + "," + stringLiteral(name) + ","
        + stringLiteral(json(map)) + "," + replaceMissingValueWith + ")";
  }

  private static String json(java.util.Map<String, String> map) {
    try {
      return io.msqbeam.translator.plan.PlanJson.mapper().writeValueAsString(map);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException("Cannot write a lookup map", e);
    }
  }

  /** The native type a SQL type is computed in, as Druid's CAST conversion has it; null when none. */
  private static String nativeType(SqlTypeName type) {
    if (SqlTypeName.CHAR_TYPES.contains(type)) {
      return "STRING";
    }
    if (SqlTypeName.FRACTIONAL_TYPES.contains(type)) {
      return "DOUBLE";
    }
    if (SqlTypeName.INT_TYPES.contains(type) || SqlTypeName.INTERVAL_TYPES.contains(type)) {
      return "LONG";
    }
    return switch (type) {
      case BOOLEAN, TIMESTAMP, DATE -> "LONG";
      default -> null;
    };
  }

  private String floorToDay(String timestamp) {
    return "timestamp_floor(" + timestamp + ",'P1D',null," + zone() + ")";
  }

  /** TIME_FLOOR and TIME_CEIL: {@code (ts, period[, origin[, tz]])}. */
  private String timeFunction(String nativeName, List<RexNode> operands) {
    return nativeName + "(" + translate(operands.get(0)) + "," + translate(operands.get(1)) + ","
        + optional(operands, 2, "null") + "," + optional(operands, 3, zone()) + ")";
  }

  /** FLOOR and CEIL of a timestamp TO a unit. */
  private String timeRound(String nativeName, List<RexNode> operands) {
    String period = floorPeriod(unitOf(operands.get(1)));
    return nativeName + "(" + translate(operands.get(0)) + ",'" + period + "',null," + zone() + ")";
  }

  /** The period that FLOOR and CEIL of a timestamp TO {@code unit} round to. */
  static String floorPeriod(TimeUnitRange unit) {
    return switch (unit) {
      case SECOND -> "PT1S";
      case MINUTE -> "PT1M";
      case HOUR -> "PT1H";
      case DAY -> "P1D";
      case WEEK -> "P1W";
      case MONTH -> "P1M";
      case QUARTER -> "P3M";
      case YEAR -> "P1Y";
      default -> throw Unplannable.because("FLOOR and CEIL to [" + unit + "] are not supported");
    };
  }

  private String extract(RexNode timestamp, String unit, String zoneExpression) {
    if (!EXTRACT_UNITS.contains(unit)) {
      throw Unplannable.because("EXTRACT of [" + unit + "] is not supported");
    }
    return "timestamp_extract(" + translate(timestamp) + ",'" + unit + "',"
        + (zoneExpression == null ? zone() : zoneExpression) + ")";
  }

  private static String timeExtractUnit(RexNode unit) {
    return literalString(unit, "TIME_EXTRACT unit").toUpperCase(Locale.ROOT);
  }

  static TimeUnitRange unitOf(RexNode flag) {
    return (TimeUnitRange) ((RexLiteral) flag).getValue();
  }

  private String dateTrunc(List<RexNode> operands) {
    String period = truncationPeriod(literalString(operands.get(0), "DATE_TRUNC unit"));
    return "timestamp_floor(" + translate(operands.get(1)) + ",'" + period + "',null," + zone() + ")";
  }

  /** The period DATE_TRUNC to {@code unit} floors to. */
  static String truncationPeriod(String unit) {
    String period = TRUNCATION_PERIODS.get(unit.toLowerCase(Locale.ROOT));
    if (period == null) {
      throw Unplannable.because("DATE_TRUNC unit [" + unit.toLowerCase(Locale.ROOT) + "] is not supported");
    }
    return period;
  }

  /**
   * TIME_IN_INTERVAL(ts, 'start/end'): start inclusive, end exclusive, the interval read in the
   * session time zone. Druid resolves the ISO interval while planning; here its instants are parsed
   * and its period applied by Druid's own functions, so the ISO forms Joda accepts
   * ({@code start/end}, {@code start/period}, {@code period/end}) keep Joda's meaning.
   */
  private String timeInInterval(List<RexNode> operands) {
    if (!(operands.get(1) instanceof RexLiteral literal) || literal.isNull()) {
      throw InvalidSqlInput.exception("Argument to function 'TIME_IN_INTERVAL' must be a literal");
    }
    String interval = literal.getValueAs(String.class);
    String[] parts = interval.split("/", -1);
    boolean startIsPeriod = parts[0].startsWith("P");
    boolean endIsPeriod = parts.length == 2 && parts[1].startsWith("P");
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty() || startIsPeriod && endIsPeriod) {
      throw InvalidSqlInput.exception(
          "Function 'TIME_IN_INTERVAL' second argument is not a valid ISO8601 interval: " + interval);
    }
    String start = startIsPeriod ? shift(instant(parts[1]), parts[0], -1) : instant(parts[0]);
    String end = endIsPeriod ? shift(instant(parts[0]), parts[1], 1) : instant(parts[1]);
    String timestamp = translate(operands.get(0));
    return "((" + timestamp + " >= " + start + ") && (" + timestamp + " < " + end + "))";
  }

  private String instant(String iso) {
    return "timestamp_parse(" + stringLiteral(iso) + ",null," + zone() + ")";
  }

  private String shift(String instant, String period, int step) {
    return "timestamp_shift(" + instant + "," + stringLiteral(period) + "," + step + "," + zone() + ")";
  }

  /** TRIM([BOTH|LEADING|TRAILING] chars FROM s). */
  private String trim(List<RexNode> operands) {
    SqlTrimFunction.Flag flag = (SqlTrimFunction.Flag) ((RexLiteral) operands.get(0)).getValue();
    String nativeName = switch (flag) {
      case BOTH -> "trim";
      case LEADING -> "ltrim";
      case TRAILING -> "rtrim";
    };
    return nativeName + "(" + translate(operands.get(2)) + "," + translate(operands.get(1)) + ")";
  }

  /** POSITION(needle IN s [FROM n]) is 1-based and 0 when absent; native strpos is 0-based and -1. */
  private String position(List<RexNode> operands) {
    String from = operands.size() > 2 ? "," + minusOne(operands.get(2)) : "";
    return "(strpos(" + translate(operands.get(1)) + "," + translate(operands.get(0)) + from + ") + 1)";
  }

  /** SUBSTRING(s, start[, length]) is 1-based; native substring is 0-based and takes length -1 as "to the end". */
  private String substring(List<RexNode> operands) {
    return "substring(" + translate(operands.get(0)) + "," + minusOne(operands.get(1)) + ","
        + optional(operands, 2, "-1") + ")";
  }

  private String minusOne(RexNode index) {
    if (index instanceof RexLiteral literal && !literal.isNull()
        && SqlTypeName.INT_TYPES.contains(literal.getType().getSqlTypeName())) {
      return Long.toString(literal.getValueAs(Long.class) - 1);
    }
    return "(" + translate(index) + " - 1)";
  }

  /** TRUNCATE(x[, digits]) as Druid writes it: scale, drop the fraction through a long, scale back. */
  private String truncate(List<RexNode> operands) {
    String x = translate(operands.get(0));
    String factor;
    if (operands.size() < 2) {
      factor = "1";
    } else if (operands.get(1) instanceof RexLiteral digits && !digits.isNull()) {
      factor = Double.toString(Math.pow(10, digits.getValueAs(Integer.class)));
    } else {
      factor = "pow(10," + translate(operands.get(1)) + ")";
    }
    return "(cast(cast(" + x + " * " + factor + ",'long'),'double') / " + factor + ")";
  }

  private String literal(RexLiteral literal) {
    if (literal.isNull()) {
      return "null";
    }
    SqlTypeName type = literal.getTypeName();
    if (SqlTypeName.INTERVAL_TYPES.contains(type)) {
      // Day-time intervals are millis, year-month intervals months.
      return literal.getValueAs(BigDecimal.class).toBigInteger().toString();
    }
    return switch (type) {
      case CHAR, VARCHAR -> stringLiteral(literal.getValueAs(String.class));
      case BOOLEAN -> Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? "1" : "0";
      case TINYINT, SMALLINT, INTEGER, BIGINT -> Long.toString(literal.getValueAs(Long.class));
      case DECIMAL -> {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        yield value.scale() <= 0 ? value.toBigInteger().toString() : Double.toString(value.doubleValue());
      }
      case DOUBLE, FLOAT, REAL -> Double.toString(literal.getValueAs(Double.class));
      case TIMESTAMP -> Long.toString(inTimeZone(literal.getValueAs(TimestampString.class).getMillisSinceEpoch()));
      case DATE -> Long.toString(inTimeZone(literal.getValueAs(Integer.class) * 86_400_000L));
      case SYMBOL -> stringLiteral(String.valueOf(literal.getValue()));
      default -> throw Unplannable.because("literal of type [" + type + "] is not supported");
    };
  }

  /** A TIMESTAMP or DATE literal is a wall-clock time in the connection time zone. */
  private long inTimeZone(long wallClockMillis) {
    LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(wallClockMillis), ZoneOffset.UTC);
    return local.atZone(timeZone).toInstant().toEpochMilli();
  }

  static String literalString(RexNode node, String what) {
    if (node instanceof RexLiteral literal && !literal.isNull()
        && SqlTypeName.CHAR_TYPES.contains(literal.getType().getSqlTypeName())) {
      return literal.getValueAs(String.class);
    }
    throw Unplannable.because(what + " must be a string literal");
  }

  private static boolean isDatetime(RexNode node) {
    SqlTypeName type = node.getType().getSqlTypeName();
    return type == SqlTypeName.TIMESTAMP || type == SqlTypeName.DATE;
  }

  private String zone() {
    return stringLiteral(timeZone.getId());
  }

  static String identifier(String name) {
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String stringLiteral(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private String optional(List<RexNode> operands, int index, String absent) {
    return operands.size() > index ? translate(operands.get(index)) : absent;
  }

  private String function(String name, List<RexNode> operands) {
    return name + "(" + joinArgs(operands) + ")";
  }

  private String binary(List<RexNode> operands, String op) {
    return "(" + translate(operands.get(0)) + " " + op + " " + translate(operands.get(1)) + ")";
  }

  private String join(List<RexNode> operands, String op) {
    return "(" + String.join(op, translateAll(operands)) + ")";
  }

  private String joinArgs(List<RexNode> operands) {
    return String.join(",", translateAll(operands));
  }

  private List<String> translateAll(List<RexNode> operands) {
    List<String> parts = new ArrayList<>();
    for (RexNode operand : operands) {
      parts.add(translate(operand));
    }
    return parts;
  }
}
