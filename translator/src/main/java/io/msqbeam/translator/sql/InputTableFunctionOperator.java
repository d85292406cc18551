package io.msqbeam.translator.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedTableMacro;

/**
 * An {@link InputTableFunction} as a Calcite table macro. Arguments are read from the call's literals
 * directly ({@link TableFunctionArguments}) because Calcite's own conversion accepts neither ARRAY
 * constructors nor optional arguments left out; every parameter is optional to Calcite and the
 * function itself reports a missing required one.
 */
final class InputTableFunctionOperator extends SqlUserDefinedTableMacro {
  private final InputTableFunction function;

  InputTableFunctionOperator(InputTableFunction function) {
    super(new SqlIdentifier(function.name(), SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null,
        OperandTypes.operandMetadata(
            function.parameters().stream().map(p -> p.type().family()).toList(),
            factory -> function.parameters().stream().map(p -> p.type().relType(factory)).toList(),
            i -> function.parameters().get(i).name(),
            // Calcite counts every parameter before the last required one as required, whatever its
            // flag, so a call by name that leaves early parameters out would find no match; required
            // arguments are checked by the function instead.
            i -> true),
        new Macro(function));
    this.function = function;
  }

  @Override
  public TranslatableTable getTable(SqlOperatorBinding binding) {
    return function.table(TableFunctionArguments.read(binding, function.parameters()));
  }

  /** Calcite's view of the declared parameters. */
  static List<FunctionParameter> functionParameters(List<TableFunctionParameter> declared) {
    List<FunctionParameter> parameters = new ArrayList<>();
    for (int i = 0; i < declared.size(); i++) {
      int ordinal = i;
      TableFunctionParameter parameter = declared.get(i);
      parameters.add(new FunctionParameter() {
        @Override
        public int getOrdinal() {
          return ordinal;
        }

        @Override
        public String getName() {
          return parameter.name();
        }

        @Override
        public RelDataType getType(RelDataTypeFactory typeFactory) {
          return parameter.type().relType(typeFactory);
        }

        @Override
        public boolean isOptional() {
          return parameter.optional();
        }
      });
    }
    return parameters;
  }

  /** The same function as a plain Calcite {@link TableMacro}, for callers that pass positional values. */
  private record Macro(InputTableFunction function) implements TableMacro {
    @Override
    public TranslatableTable apply(List<?> arguments) {
      return function.table(TableFunctionArguments.of(arguments, function.parameters()));
    }

    @Override
    public List<FunctionParameter> getParameters() {
      return functionParameters(function.parameters());
    }
  }
}
