package io.msqbeam.translator.sql;

import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlSingleOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Druid's IP address functions (§7.3) with the signatures of Druid's {@code IPv4Address*} and
 * {@code IPv6AddressMatch} operator conversions; each is the native macro of the same name, which
 * the pipelines evaluate with Druid's library (an address that is not a valid IPv4 address parses
 * or stringifies to null, and matches nothing).
 *
 * <p>IPV4_STRINGIFY is typed VARCHAR where Druid declares CHAR: the values are the same, and a CHAR
 * type would make Calcite pad and coerce comparisons, which Druid's own planner does not do.
 */
public final class IpAddressFunctions {
  private static final SqlSingleOperandTypeChecker STRING_OR_INTEGER =
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.STRING), OperandTypes.family(SqlTypeFamily.INTEGER));
  private static final SqlSingleOperandTypeChecker SUBNET = OperandTypes.family(SqlTypeFamily.STRING);
  private static final SqlReturnTypeInference NULLABLE_INTEGER =
      ReturnTypes.explicit(SqlTypeName.INTEGER).andThen(SqlTypeTransforms.FORCE_NULLABLE);

  /** Each SQL function's native Druid function. */
  public static final Map<String, String> NATIVE_NAMES = Map.of(
      "IPV4_MATCH", "ipv4_match", "IPV4_PARSE", "ipv4_parse", "IPV4_STRINGIFY", "ipv4_stringify",
      "IPV6_MATCH", "ipv6_match");

  private IpAddressFunctions() {}

  public static List<SqlOperator> all() {
    return List.of(
        function("IPV4_MATCH", ReturnTypes.BOOLEAN_NULLABLE,
            OperandTypes.sequence("'IPV4_MATCH(expr, string)'", STRING_OR_INTEGER, SUBNET)),
        function("IPV4_PARSE", NULLABLE_INTEGER, STRING_OR_INTEGER),
        function("IPV4_STRINGIFY", ReturnTypes.VARCHAR_FORCE_NULLABLE, STRING_OR_INTEGER),
        function("IPV6_MATCH", ReturnTypes.BOOLEAN_NULLABLE, OperandTypes.sequence("'IPV6_MATCH(expr, string)'",
            OperandTypes.family(SqlTypeFamily.STRING), SUBNET)));
  }

  private static SqlFunction function(String name, SqlReturnTypeInference returnType,
      SqlOperandTypeChecker operands) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
  }
}
