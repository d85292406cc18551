package io.msqbeam.translator.sql;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InlineInputSource;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code inline(data => ARRAY['a,b', 'c,d'], format => 'csv')}: Druid's {@code inline} input source,
 * one array element per line (joined with newlines).
 */
final class InlineFunction implements InputTableFunction {
  private static final List<TableFunctionParameter> PARAMETERS = declareParameters();

  private static List<TableFunctionParameter> declareParameters() {
    List<TableFunctionParameter> parameters = new ArrayList<>();
    parameters.add(TableFunctionParameter.required("data", TableFunctionParameter.Type.VARCHAR_ARRAY));
    parameters.addAll(FormatArguments.PARAMETERS);
    return List.copyOf(parameters);
  }

  @Override
  public String name() {
    return "inline";
  }

  @Override
  public List<TableFunctionParameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public ExternalTable table(TableFunctionArguments arguments) {
    List<ColumnSignature> signature = FormatArguments.signature(name(), arguments);
    List<String> data = arguments.strings("data");
    if (data == null) {
      throw ExternalErrors.missingArgument(name(), "data");
    }
    return new ExternalTable(new ExternalInputSpec(new InlineInputSource(String.join("\n", data)),
        FormatArguments.format(name(), arguments, signature), signature));
  }
}
