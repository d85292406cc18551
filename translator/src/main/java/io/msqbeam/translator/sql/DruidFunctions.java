package io.msqbeam.translator.sql;

import java.util.List;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Druid's scalar functions as Calcite operators (signatures only; {@code DruidExpressions} turns
 * calls into Druid native expressions, which the pipelines evaluate with Druid's own library).
 */
public final class DruidFunctions {
  private static final SqlReturnTypeInference NULLABLE_TIMESTAMP =
      ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3).andThen(SqlTypeTransforms.FORCE_NULLABLE);

  public static final SqlFunction TIME_PARSE = new SqlFunction("TIME_PARSE", SqlKind.OTHER_FUNCTION,
      NULLABLE_TIMESTAMP, null,
      OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
      SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction TIME_FLOOR = new SqlFunction("TIME_FLOOR", SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG0_NULLABLE, null,
      OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER, SqlTypeFamily.TIMESTAMP),
          OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER, SqlTypeFamily.TIMESTAMP,
              SqlTypeFamily.CHARACTER)),
      SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction TIME_FORMAT = new SqlFunction("TIME_FORMAT", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.TIMESTAMP),
          OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
      SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction MILLIS_TO_TIMESTAMP = new SqlFunction("MILLIS_TO_TIMESTAMP",
      SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3).andThen(SqlTypeTransforms.TO_NULLABLE),
      null, OperandTypes.family(SqlTypeFamily.EXACT_NUMERIC), SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction TIMESTAMP_TO_MILLIS = new SqlFunction("TIMESTAMP_TO_MILLIS",
      SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.BIGINT).andThen(SqlTypeTransforms.TO_NULLABLE),
      null, OperandTypes.family(SqlTypeFamily.TIMESTAMP), SqlFunctionCategory.TIMEDATE);

  private DruidFunctions() {}

  public static List<SqlOperator> all() {
    return List.of(TIME_PARSE, TIME_FLOOR, TIME_FORMAT, MILLIS_TO_TIMESTAMP, TIMESTAMP_TO_MILLIS);
  }
}
