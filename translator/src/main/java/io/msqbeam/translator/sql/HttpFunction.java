package io.msqbeam.translator.sql;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.HttpInputSource;
import io.msqbeam.translator.plan.HttpInputSourceConfig;
import io.msqbeam.translator.plan.PasswordProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code http(uris => ARRAY[…], userName => …, password => … | passwordEnvVar => …, format => …)}:
 * Druid's {@code http} input source with basic auth; the password from the environment is resolved
 * only when the data is read, so it never appears in the plan.
 */
final class HttpFunction implements InputTableFunction {
  private static final List<TableFunctionParameter> PARAMETERS = declareParameters();

  private final HttpInputSourceConfig httpConfig;

  HttpFunction(HttpInputSourceConfig httpConfig) {
    this.httpConfig = httpConfig;
  }

  private static List<TableFunctionParameter> declareParameters() {
    List<TableFunctionParameter> parameters = new ArrayList<>();
    parameters.add(TableFunctionParameter.required("uris", TableFunctionParameter.Type.VARCHAR_ARRAY));
    parameters.add(TableFunctionParameter.optional("userName", TableFunctionParameter.Type.VARCHAR));
    parameters.add(TableFunctionParameter.optional("password", TableFunctionParameter.Type.VARCHAR));
    parameters.add(TableFunctionParameter.optional("passwordEnvVar", TableFunctionParameter.Type.VARCHAR));
    parameters.addAll(FormatArguments.PARAMETERS);
    return List.copyOf(parameters);
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public List<TableFunctionParameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public ExternalTable table(TableFunctionArguments arguments) {
    List<ColumnSignature> signature = FormatArguments.signature(name(), arguments);
    List<String> uris = arguments.strings("uris");
    if (uris == null || uris.isEmpty()) {
      throw ExternalErrors.missingArgument(name(), "uris");
    }
    PasswordProvider password = arguments.has("password") ? PasswordProvider.of(arguments.string("password"))
        : arguments.has("passwordEnvVar") ? PasswordProvider.environment(arguments.string("passwordEnvVar"))
        : null;
    HttpInputSource source = new HttpInputSource(uris, arguments.string("userName"), password, null);
    ExternTableMacro.checkAllowed(source, httpConfig);
    return new ExternalTable(new ExternalInputSpec(source, FormatArguments.format(name(), arguments, signature),
        signature));
  }
}
