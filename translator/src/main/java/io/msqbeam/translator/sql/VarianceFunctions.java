package io.msqbeam.translator.sql;

import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlAvgAggFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * VAR_POP, VAR_SAMP (VARIANCE), STDDEV_POP and STDDEV_SAMP (STDDEV) typed DOUBLE, as Druid's stats
 * extension types them. Calcite's own give the argument's type, so over a BIGINT column its
 * reduction to sums and counts divides as integers (a variance of 2/3 came out 0). With a DOUBLE
 * result the reduction casts the argument to DOUBLE first and the arithmetic is Druid's.
 */
final class VarianceFunctions {
  private VarianceFunctions() {}

  /** Each function by the name SQL calls it, aliases included. */
  static Map<String, SqlOperator> byName() {
    SqlOperator varSamp = doubleResult(SqlKind.VAR_SAMP);
    SqlOperator stddevSamp = doubleResult(SqlKind.STDDEV_SAMP);
    return Map.of("VAR_POP", doubleResult(SqlKind.VAR_POP), "VAR_SAMP", varSamp, "VARIANCE", varSamp,
        "STDDEV_POP", doubleResult(SqlKind.STDDEV_POP), "STDDEV_SAMP", stddevSamp, "STDDEV", stddevSamp);
  }

  private static SqlAvgAggFunction doubleResult(SqlKind kind) {
    return new SqlAvgAggFunction(kind) {
      @Override
      public RelDataType inferReturnType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), true);
      }
    };
  }
}
