package io.msqbeam.translator.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlUserDefinedTableMacro;

/**
 * Calcite's standard operators plus Druid's (time functions, EXTERN), looked up case-insensitively
 * as Druid does, while identifiers of tables and columns stay case-sensitive.
 */
public final class DruidOperatorTable implements SqlOperatorTable {
  private static final SqlNameMatcher CASE_INSENSITIVE = SqlNameMatchers.withCaseSensitive(false);

  private final SqlOperatorTable standard = SqlStdOperatorTable.instance();
  private final Map<String, List<SqlOperator>> druidOperators;

  public DruidOperatorTable() {
    List<SqlOperator> operators = new ArrayList<>(DruidFunctions.all());
    operators.add(externOperator());
    this.druidOperators = operators.stream()
        .collect(Collectors.groupingBy(op -> op.getName().toUpperCase(Locale.ROOT)));
  }

  private static SqlOperator externOperator() {
    return new ExternOperator(
        new SqlIdentifier("EXTERN", SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.CURSOR,
        null,
        OperandTypes.operandMetadata(
            List.of(SqlTypeFamily.STRING, SqlTypeFamily.STRING, SqlTypeFamily.STRING),
            factory -> List.of(
                factory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR),
                factory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR),
                factory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR)),
            ExternTableMacro.PARAMETER_NAMES::get,
            i -> i == 2),
        new ExternTableMacro());
  }

  /** EXTERN with its arguments read straight from the call's string literals (named or positional). */
  private static final class ExternOperator extends SqlUserDefinedTableMacro {
    private final ExternTableMacro macro;

    ExternOperator(SqlIdentifier name, SqlKind kind, org.apache.calcite.sql.type.SqlReturnTypeInference returnType,
        org.apache.calcite.sql.type.SqlOperandTypeInference inference,
        org.apache.calcite.sql.type.SqlOperandMetadata metadata, ExternTableMacro macro) {
      super(name, kind, returnType, inference, metadata, macro);
      this.macro = macro;
    }

    @Override
    public org.apache.calcite.schema.TranslatableTable getTable(org.apache.calcite.sql.SqlOperatorBinding binding) {
      List<Object> arguments = new ArrayList<>();
      for (int i = 0; i < binding.getOperandCount(); i++) {
        arguments.add(binding.isOperandNull(i, false) || !binding.isOperandLiteral(i, false)
            ? null : binding.getOperandLiteralValue(i, String.class));
      }
      return macro.apply(arguments);
    }
  }

  @Override
  public void lookupOperatorOverloads(
      SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax, List<SqlOperator> operatorList,
      SqlNameMatcher nameMatcher) {
    if (opName.isSimple()) {
      List<SqlOperator> ours = druidOperators.get(opName.getSimple().toUpperCase(Locale.ROOT));
      if (ours != null) {
        for (SqlOperator op : ours) {
          if (op.getSyntax() == syntax || syntax == SqlSyntax.FUNCTION && op.getSyntax() == SqlSyntax.FUNCTION_ID) {
            operatorList.add(op);
          }
        }
        if (!operatorList.isEmpty()) {
          return;
        }
      }
    }
    standard.lookupOperatorOverloads(opName, category, syntax, operatorList, CASE_INSENSITIVE);
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    List<SqlOperator> all = new ArrayList<>(standard.getOperatorList());
    druidOperators.values().forEach(all::addAll);
    return all;
  }
}
