package io.msqbeam.translator.sql;

import io.msqbeam.translator.error.DruidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlSingleOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.apache.calcite.util.Optionality;
import org.apache.calcite.util.Static;

/**
 * Druid's aggregate functions that Calcite lacks or spells differently: EARLIEST/LATEST (and their
 * _BY forms), ANY_VALUE, ARRAY_AGG, ARRAY_CONCAT_AGG and STRING_AGG/LISTAGG, as Calcite operators (signatures only;
 * the planner turns calls into aggregator specs). Trailing size arguments must be literals, as in
 * Druid, because they size the aggregation rather than being evaluated per row.
 */
public final class DruidAggregateFunctions {
  private static final String NO_TIME_COLUMN = "LATEST and EARLIEST aggregators implicitly depend on the __time"
      + " column, but the table queried doesn't contain a __time column.  Please use LATEST_BY or EARLIEST_BY"
      + " and specify the column explicitly.";

  /** The value's type, nullable: an empty group has none. */
  private static final SqlReturnTypeInference ARG0_FORCE_NULLABLE = binding -> {
    RelDataTypeFactory factory = binding.getTypeFactory();
    RelDataType type = binding.getOperandType(0);
    if (type instanceof ComplexSqlType complex && complex.columnType().isPair()) {
      // Over a stored EARLIEST/LATEST metric: the type of the value its pairs hold.
      type = DruidTypes.sqlType(factory, "", complex.columnType().finalizedType());
    }
    if (!SqlTypeUtil.isNumeric(type) && !SqlTypeUtil.isCharacter(type)) {
      // Druid gives a VARCHAR for anything that is neither a number nor a string.
      type = factory.createSqlType(SqlTypeName.VARCHAR);
    }
    return factory.createTypeWithNullability(type, true);
  };

  public static final SqlAggFunction EARLIEST_BY = new ByFunction("EARLIEST_BY");
  public static final SqlAggFunction LATEST_BY = new ByFunction("LATEST_BY");
  public static final SqlAggFunction EARLIEST = new TimeImplicitFunction("EARLIEST", EARLIEST_BY);
  public static final SqlAggFunction LATEST = new TimeImplicitFunction("LATEST", LATEST_BY);
  public static final SqlAggFunction ANY_VALUE = new DruidAggFunction("ANY_VALUE", ARG0_FORCE_NULLABLE,
      OperandTypes.or(OperandTypes.ANY, OperandTypes.sequence("'ANY_VALUE(expr, maxBytesPerValue)'",
          OperandTypes.ANY, literal(SqlTypeFamily.NUMERIC)),
          OperandTypes.sequence("'ANY_VALUE(expr, maxBytesPerValue, aggregateMultipleValues)'",
              OperandTypes.ANY, literal(SqlTypeFamily.NUMERIC), literal(SqlTypeFamily.BOOLEAN))));
  public static final SqlAggFunction STRING_AGG = stringAgg("STRING_AGG");
  public static final SqlAggFunction LISTAGG = stringAgg("LISTAGG");
  public static final SqlAggFunction ARRAY_AGG = new DruidAggFunction("ARRAY_AGG", binding -> {
    RelDataTypeFactory factory = binding.getTypeFactory();
    RelDataType element = factory.createTypeWithNullability(binding.getOperandType(0), true);
    return factory.createTypeWithNullability(factory.createArrayType(element, -1), true);
  }, OperandTypes.or(OperandTypes.ANY, OperandTypes.sequence("'ARRAY_AGG(expr, size)'",
      OperandTypes.ANY, literal(SqlTypeFamily.NUMERIC))));

  /** ARRAY_CONCAT_AGG([DISTINCT] arrayExpr[, size]): of the array's own type. */
  public static final SqlAggFunction ARRAY_CONCAT_AGG = new DruidAggFunction("ARRAY_CONCAT_AGG",
      binding -> binding.getTypeFactory().createTypeWithNullability(binding.getOperandType(0), true),
      OperandTypes.or(OperandTypes.ARRAY, OperandTypes.sequence("'ARRAY_CONCAT_AGG(expr, size)'",
          OperandTypes.ARRAY, literal(SqlTypeFamily.NUMERIC))));

  private DruidAggregateFunctions() {}

  public static List<SqlOperator> all() {
    return List.of(EARLIEST, LATEST, EARLIEST_BY, LATEST_BY, ANY_VALUE, STRING_AGG, LISTAGG, ARRAY_AGG,
        ARRAY_CONCAT_AGG, APPROX_COUNT_DISTINCT_BUILTIN);
  }

  /** An operand of the family that is a literal, also inside a CAST ({@code CAST(10 AS INTEGER)}), as Druid allows. */
  private static SqlSingleOperandTypeChecker literal(SqlTypeFamily family) {
    SqlSingleOperandTypeChecker literalOrCast = new SqlSingleOperandTypeChecker() {
      @Override
      public boolean checkSingleOperandType(SqlCallBinding binding, SqlNode operand, int ordinal,
          boolean throwOnFailure) {
        if (SqlUtil.isLiteral(operand, true)) {
          return true;
        }
        if (throwOnFailure) {
          throw binding.newError(Static.RESOURCE.argumentMustBeLiteral(binding.getOperator().getName()));
        }
        return false;
      }

      @Override
      public String getAllowedSignatures(SqlOperator op, String opName) {
        return "<LITERAL>";
      }
    };
    return OperandTypes.family(family).and(literalOrCast);
  }

  private static SqlAggFunction stringAgg(String name) {
    SqlReturnTypeInference varchar = binding -> binding.getTypeFactory().createTypeWithNullability(
        binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);
    return new DruidAggFunction(name, varchar, OperandTypes.or(
        OperandTypes.ANY,
        OperandTypes.sequence("'" + name + "(expr, separator)'", OperandTypes.ANY, literal(SqlTypeFamily.CHARACTER)),
        OperandTypes.sequence("'" + name + "(expr, separator, size)'", OperandTypes.ANY,
            literal(SqlTypeFamily.CHARACTER), literal(SqlTypeFamily.NUMERIC))));
  }

  /**
   * Druid's name for its built-in HyperLogLog distinct count, which APPROX_COUNT_DISTINCT means by default;
   * planned as APPROX_COUNT_DISTINCT is.
   */
  public static final SqlAggFunction APPROX_COUNT_DISTINCT_BUILTIN = new DruidAggFunction(
      "APPROX_COUNT_DISTINCT_BUILTIN", org.apache.calcite.sql.type.ReturnTypes.BIGINT, OperandTypes.ANY);

  private static class DruidAggFunction extends SqlAggFunction {
    DruidAggFunction(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
      super(name, null, SqlKind.OTHER_FUNCTION, returnType, null, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION,
          false, false, Optionality.FORBIDDEN);
    }

    @Override
    public boolean allowsFilter() {
      return true;
    }
  }

  /** EARLIEST_BY/LATEST_BY(expr, timestampExpr[, maxBytesPerValue]). */
  private static final class ByFunction extends DruidAggFunction {
    ByFunction(String name) {
      super(name, ARG0_FORCE_NULLABLE, OperandTypes.or(
          OperandTypes.sequence("'" + name + "(expr, timeColumn)'", OperandTypes.ANY,
              OperandTypes.family(SqlTypeFamily.TIMESTAMP)),
          OperandTypes.sequence("'" + name + "(expr, timeColumn, maxBytesPerValue)'", OperandTypes.ANY,
              OperandTypes.family(SqlTypeFamily.TIMESTAMP), literal(SqlTypeFamily.NUMERIC))));
    }
  }

  /**
   * EARLIEST/LATEST(expr[, maxBytesPerValue]): rewritten, as Druid does, to the _BY form over
   * {@code __time}, so that a relation without {@code __time} fails validation with Druid's message.
   */
  private static final class TimeImplicitFunction extends DruidAggFunction {
    private final SqlAggFunction byFunction;

    TimeImplicitFunction(String name, SqlAggFunction byFunction) {
      super(name, ARG0_FORCE_NULLABLE, OperandTypes.or(OperandTypes.ANY,
          OperandTypes.sequence("'" + name + "(expr, maxBytesPerValue)'", OperandTypes.ANY,
              literal(SqlTypeFamily.NUMERIC))));
      this.byFunction = byFunction;
    }

    @Override
    public SqlNode rewriteCall(SqlValidator validator, SqlCall call) {
      List<SqlNode> operands = new ArrayList<>(call.getOperandList());
      if (operands.isEmpty() || operands.size() > 2) {
        throw new DruidException("invalidInput", DruidException.Persona.USER, DruidException.Category.INVALID_INPUT,
            "Function [" + getName() + "] expects 1 or 2 arguments but found [" + operands.size() + "]", Map.of(),
            null);
      }
      operands.add(1, new TimeColumn(call.getParserPosition()));
      return byFunction.createCall(call.getFunctionQuantifier(), call.getParserPosition(), operands);
    }
  }

  /** {@code __time}, whose absence from the relation is Druid's EARLIEST/LATEST error. */
  private static final class TimeColumn extends SqlIdentifier {
    TimeColumn(SqlParserPos pos) {
      super("__time", pos);
    }

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
      try {
        return super.accept(visitor);
      } catch (CalciteContextException e) {
        if (e.getCause() instanceof SqlValidatorException) {
          throw new DruidException("general", DruidException.Persona.ADMIN, DruidException.Category.INVALID_INPUT,
              "Query could not be planned. A possible reason is [" + NO_TIME_COLUMN + "]", Map.of(), e);
        }
        throw e;
      }
    }
  }
}
