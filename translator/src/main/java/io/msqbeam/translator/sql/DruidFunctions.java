package io.msqbeam.translator.sql;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Druid's scalar functions that Calcite's standard operator table lacks, as Calcite operators
 * (signatures only; {@code DruidExpressions} turns calls into Druid native expressions, which the
 * pipelines evaluate with Druid's own library).
 *
 * <p>They are our own operator instances rather than {@code SqlLibraryOperators}' on purpose:
 * Calcite's standard convertlets rewrite some library operators (NVL, GREATEST, LEAST) into CASE
 * with non-Druid null handling, while calls to these arrive in the relational tree untouched.
 * TRUNCATE is redefined because Druid lets its digits be omitted.
 */
public final class DruidFunctions {
  private static final SqlTypeFamily TIMESTAMP = SqlTypeFamily.TIMESTAMP;
  private static final SqlTypeFamily STRING = SqlTypeFamily.CHARACTER;
  private static final SqlTypeFamily INTEGER = SqlTypeFamily.INTEGER;
  private static final SqlTypeFamily NUMERIC = SqlTypeFamily.NUMERIC;
  private static final SqlTypeFamily ANY = SqlTypeFamily.ANY;

  private static final SqlReturnTypeInference NULLABLE_TIMESTAMP =
      ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3).andThen(SqlTypeTransforms.FORCE_NULLABLE);
  private static final SqlReturnTypeInference TIMESTAMP_LIKE_ARGS =
      ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3).andThen(SqlTypeTransforms.TO_NULLABLE);
  private static final SqlReturnTypeInference VARCHAR = ReturnTypes.VARCHAR_NULLABLE;
  private static final SqlReturnTypeInference NULLABLE_VARCHAR = ReturnTypes.VARCHAR_FORCE_NULLABLE;
  private static final SqlReturnTypeInference BIGINT = ReturnTypes.BIGINT_NULLABLE;
  private static final SqlReturnTypeInference BOOLEAN = ReturnTypes.BOOLEAN_NULLABLE;

  // Time
  public static final SqlFunction TIME_PARSE =
      function("TIME_PARSE", NULLABLE_TIMESTAMP, SqlFunctionCategory.TIMEDATE, 1, STRING, STRING, STRING);
  public static final SqlFunction TIME_FORMAT =
      function("TIME_FORMAT", VARCHAR, SqlFunctionCategory.TIMEDATE, 1, TIMESTAMP, STRING, STRING);
  public static final SqlFunction TIME_FLOOR = function("TIME_FLOOR", ReturnTypes.ARG0_NULLABLE,
      SqlFunctionCategory.TIMEDATE, 2, TIMESTAMP, STRING, TIMESTAMP, STRING);
  public static final SqlFunction TIME_CEIL = function("TIME_CEIL", ReturnTypes.ARG0_NULLABLE,
      SqlFunctionCategory.TIMEDATE, 2, TIMESTAMP, STRING, TIMESTAMP, STRING);
  public static final SqlFunction TIME_SHIFT = function("TIME_SHIFT", ReturnTypes.ARG0_NULLABLE,
      SqlFunctionCategory.TIMEDATE, 3, TIMESTAMP, STRING, INTEGER, STRING);
  public static final SqlFunction TIME_EXTRACT =
      function("TIME_EXTRACT", BIGINT, SqlFunctionCategory.TIMEDATE, 2, TIMESTAMP, STRING, STRING);
  public static final SqlFunction TIME_IN_INTERVAL =
      function("TIME_IN_INTERVAL", BOOLEAN, SqlFunctionCategory.TIMEDATE, 2, TIMESTAMP, STRING);
  public static final SqlFunction DATE_TRUNC =
      function("DATE_TRUNC", TIMESTAMP_LIKE_ARGS, SqlFunctionCategory.TIMEDATE, 2, STRING, TIMESTAMP);
  public static final SqlFunction MILLIS_TO_TIMESTAMP = function("MILLIS_TO_TIMESTAMP", TIMESTAMP_LIKE_ARGS,
      SqlFunctionCategory.TIMEDATE, 1, SqlTypeFamily.EXACT_NUMERIC);
  public static final SqlFunction TIMESTAMP_TO_MILLIS =
      function("TIMESTAMP_TO_MILLIS", BIGINT, SqlFunctionCategory.TIMEDATE, 1, TIMESTAMP);

  // String
  public static final SqlFunction CONCAT = new SqlFunction("CONCAT", SqlKind.OTHER_FUNCTION, VARCHAR, null,
      OperandTypes.repeat(SqlOperandCountRanges.from(1), OperandTypes.ANY), SqlFunctionCategory.STRING);
  public static final SqlFunction TEXTCAT = function("TEXTCAT", VARCHAR, SqlFunctionCategory.STRING, 2, STRING, STRING);
  public static final SqlFunction CONTAINS_STRING =
      function("CONTAINS_STRING", BOOLEAN, SqlFunctionCategory.STRING, 2, STRING, STRING);
  public static final SqlFunction ICONTAINS_STRING =
      function("ICONTAINS_STRING", BOOLEAN, SqlFunctionCategory.STRING, 2, STRING, STRING);
  public static final SqlFunction LEFT = function("LEFT", VARCHAR, SqlFunctionCategory.STRING, 2, STRING, INTEGER);
  public static final SqlFunction RIGHT = function("RIGHT", VARCHAR, SqlFunctionCategory.STRING, 2, STRING, INTEGER);
  public static final SqlFunction LENGTH = function("LENGTH", BIGINT, SqlFunctionCategory.STRING, 1, STRING);
  public static final SqlFunction STRLEN = function("STRLEN", BIGINT, SqlFunctionCategory.STRING, 1, STRING);
  public static final SqlFunction LPAD =
      function("LPAD", VARCHAR, SqlFunctionCategory.STRING, 2, STRING, INTEGER, STRING);
  public static final SqlFunction RPAD =
      function("RPAD", VARCHAR, SqlFunctionCategory.STRING, 2, STRING, INTEGER, STRING);
  public static final SqlFunction PARSE_LONG = function("PARSE_LONG", ReturnTypes.BIGINT_FORCE_NULLABLE,
      SqlFunctionCategory.STRING, 1, STRING, INTEGER);
  public static final SqlFunction REGEXP_EXTRACT =
      function("REGEXP_EXTRACT", NULLABLE_VARCHAR, SqlFunctionCategory.STRING, 2, STRING, STRING, INTEGER);
  public static final SqlFunction REGEXP_LIKE =
      function("REGEXP_LIKE", BOOLEAN, SqlFunctionCategory.STRING, 2, STRING, STRING);
  public static final SqlFunction REGEXP_REPLACE =
      function("REGEXP_REPLACE", VARCHAR, SqlFunctionCategory.STRING, 3, STRING, STRING, STRING);
  public static final SqlFunction REPEAT = function("REPEAT", VARCHAR, SqlFunctionCategory.STRING, 2, STRING, INTEGER);
  public static final SqlFunction REVERSE = function("REVERSE", VARCHAR, SqlFunctionCategory.STRING, 1, STRING);
  /** DECODE_BASE64_UTF8(expr): base64 text decoded as UTF-8 (Druid's built-in {@code decode_base64_utf8} macro). */
  public static final SqlFunction DECODE_BASE64_UTF8 =
      function("DECODE_BASE64_UTF8", NULLABLE_VARCHAR, SqlFunctionCategory.STRING, 1, STRING);
  public static final SqlFunction STRING_FORMAT = new SqlFunction("STRING_FORMAT", SqlKind.OTHER_FUNCTION,
      VARCHAR, null,
      OperandTypes.repeat(SqlOperandCountRanges.from(1), OperandTypes.ANY), SqlFunctionCategory.STRING);
  public static final SqlFunction STRPOS =
      function("STRPOS", ReturnTypes.INTEGER_NULLABLE, SqlFunctionCategory.STRING, 2, STRING, STRING);
  public static final SqlFunction SUBSTR =
      function("SUBSTR", VARCHAR, SqlFunctionCategory.STRING, 2, STRING, INTEGER, INTEGER);
  public static final SqlFunction BTRIM = function("BTRIM", VARCHAR, SqlFunctionCategory.STRING, 1, STRING, STRING);
  public static final SqlFunction LTRIM = function("LTRIM", VARCHAR, SqlFunctionCategory.STRING, 1, STRING, STRING);
  public static final SqlFunction RTRIM = function("RTRIM", VARCHAR, SqlFunctionCategory.STRING, 1, STRING, STRING);
  /** LOOKUP(expr, lookupName[, replaceMissingValueWith]), as Druid's QueryLookupOperatorConversion declares it. */
  public static final SqlFunction LOOKUP =
      function("LOOKUP", NULLABLE_VARCHAR, SqlFunctionCategory.STRING, 2, STRING, STRING, STRING);

  // Numeric
  public static final SqlFunction TRUNCATE =
      function("TRUNCATE", ReturnTypes.ARG0_NULLABLE, SqlFunctionCategory.NUMERIC, 1, NUMERIC, INTEGER);
  public static final SqlFunction TRUNC =
      function("TRUNC", ReturnTypes.ARG0_NULLABLE, SqlFunctionCategory.NUMERIC, 1, NUMERIC, INTEGER);
  public static final SqlFunction DIV = function("DIV", BIGINT, SqlFunctionCategory.NUMERIC, 2, NUMERIC, NUMERIC);
  public static final SqlFunction SAFE_DIVIDE = function("SAFE_DIVIDE", ReturnTypes.QUOTIENT_FORCE_NULLABLE,
      SqlFunctionCategory.NUMERIC, 2, NUMERIC, NUMERIC);
  public static final SqlFunction BITWISE_AND = bitwise("BITWISE_AND", 2);
  public static final SqlFunction BITWISE_OR = bitwise("BITWISE_OR", 2);
  public static final SqlFunction BITWISE_XOR = bitwise("BITWISE_XOR", 2);
  public static final SqlFunction BITWISE_SHIFT_LEFT = bitwise("BITWISE_SHIFT_LEFT", 2);
  public static final SqlFunction BITWISE_SHIFT_RIGHT = bitwise("BITWISE_SHIFT_RIGHT", 2);
  public static final SqlFunction BITWISE_COMPLEMENT = bitwise("BITWISE_COMPLEMENT", 1);
  public static final SqlFunction BITWISE_CONVERT_DOUBLE_TO_LONG_BITS =
      function("BITWISE_CONVERT_DOUBLE_TO_LONG_BITS", BIGINT, SqlFunctionCategory.NUMERIC, 1, NUMERIC);
  public static final SqlFunction BITWISE_CONVERT_LONG_BITS_TO_DOUBLE = function(
      "BITWISE_CONVERT_LONG_BITS_TO_DOUBLE", ReturnTypes.DOUBLE_NULLABLE, SqlFunctionCategory.NUMERIC, 1, INTEGER);
  public static final SqlFunction HUMAN_READABLE_BINARY_BYTE_FORMAT = humanReadable("HUMAN_READABLE_BINARY_BYTE_FORMAT");
  public static final SqlFunction HUMAN_READABLE_DECIMAL_BYTE_FORMAT =
      humanReadable("HUMAN_READABLE_DECIMAL_BYTE_FORMAT");
  public static final SqlFunction HUMAN_READABLE_DECIMAL_FORMAT = humanReadable("HUMAN_READABLE_DECIMAL_FORMAT");

  // Other
  public static final SqlFunction GREATEST = reduction("GREATEST");
  public static final SqlFunction LEAST = reduction("LEAST");
  public static final SqlFunction NVL = new SqlFunction("NVL", SqlKind.OTHER_FUNCTION,
      ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.LEAST_NULLABLE), null,
      OperandTypes.family(ANY, ANY), SqlFunctionCategory.SYSTEM);

  private DruidFunctions() {}

  /** Druid's APPROX_COUNT_DISTINCT: a distinct count by HyperLogLog (planned as a cardinality aggregator). */
  public static final org.apache.calcite.sql.SqlAggFunction APPROX_COUNT_DISTINCT =
      new org.apache.calcite.sql.fun.SqlCountAggFunction("APPROX_COUNT_DISTINCT");

  /** A multi-value string as a VARCHAR ARRAY (what UNNEST of a multi-value dimension needs). */
  public static final SqlFunction MV_TO_ARRAY = function("MV_TO_ARRAY",
      ReturnTypes.explicit(factory -> factory.createTypeWithNullability(factory.createArrayType(
          factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true), -1), true)),
      SqlFunctionCategory.STRING, 1, STRING);

  public static List<SqlOperator> all() {
    return List.of(APPROX_COUNT_DISTINCT, 
        TIME_PARSE, TIME_FORMAT, TIME_FLOOR, TIME_CEIL, TIME_SHIFT, TIME_EXTRACT, TIME_IN_INTERVAL, DATE_TRUNC,
        MILLIS_TO_TIMESTAMP, TIMESTAMP_TO_MILLIS,
        CONCAT, TEXTCAT, CONTAINS_STRING, ICONTAINS_STRING, LEFT, RIGHT, LENGTH, STRLEN, LPAD, RPAD, PARSE_LONG,
        REGEXP_EXTRACT, REGEXP_LIKE, REGEXP_REPLACE, REPEAT, REVERSE, STRING_FORMAT, STRPOS, SUBSTR, BTRIM, LTRIM,
        RTRIM, LOOKUP, DECODE_BASE64_UTF8,
        TRUNCATE, TRUNC, DIV, SAFE_DIVIDE, BITWISE_AND, BITWISE_OR, BITWISE_XOR, BITWISE_SHIFT_LEFT,
        BITWISE_SHIFT_RIGHT, BITWISE_COMPLEMENT, BITWISE_CONVERT_DOUBLE_TO_LONG_BITS,
        BITWISE_CONVERT_LONG_BITS_TO_DOUBLE, HUMAN_READABLE_BINARY_BYTE_FORMAT, HUMAN_READABLE_DECIMAL_BYTE_FORMAT,
        HUMAN_READABLE_DECIMAL_FORMAT,
        GREATEST, LEAST, NVL, MV_TO_ARRAY);
  }

  /** A function whose operands after the first {@code required} may be omitted. */
  private static SqlFunction function(String name, SqlReturnTypeInference returnType, SqlFunctionCategory category,
      int required, SqlTypeFamily... operands) {
    SqlOperandTypeChecker checker = OperandTypes.family(List.of(operands), i -> i >= required);
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, checker, category);
  }

  private static SqlFunction bitwise(String name, int operands) {
    SqlTypeFamily[] families = operands == 1 ? new SqlTypeFamily[] {INTEGER} : new SqlTypeFamily[] {INTEGER, INTEGER};
    return function(name, BIGINT, SqlFunctionCategory.NUMERIC, operands, families);
  }

  private static SqlFunction humanReadable(String name) {
    return function(name, VARCHAR, SqlFunctionCategory.STRING, 1, NUMERIC, INTEGER);
  }

  /**
   * GREATEST and LEAST take any number of arguments of any type and, as Druid's, compare as
   * strings when any argument is a string, else as doubles when any is fractional, else as longs;
   * they skip nulls, so the result is null only when every argument is.
   */
  private static SqlFunction reduction(String name) {
    SqlReturnTypeInference returnType = binding -> {
      RelDataTypeFactory factory = binding.getTypeFactory();
      SqlTypeName type = SqlTypeName.BIGINT;
      for (RelDataType operand : binding.collectOperandTypes()) {
        if (SqlTypeUtil.isCharacter(operand)) {
          type = SqlTypeName.VARCHAR;
          break;
        }
        if (SqlTypeUtil.isApproximateNumeric(operand) || SqlTypeUtil.isDecimal(operand)) {
          type = SqlTypeName.DOUBLE;
        }
      }
      return factory.createTypeWithNullability(factory.createSqlType(type), true);
    };
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, OperandTypes.VARIADIC,
        SqlFunctionCategory.SYSTEM);
  }
}
