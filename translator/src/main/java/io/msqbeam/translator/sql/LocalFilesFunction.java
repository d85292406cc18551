package io.msqbeam.translator.sql;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.LocalInputSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code localfiles(baseDir => …, filter => …, files => ARRAY[…], format => …)}: Druid's {@code local}
 * input source. Allowed: {@code baseDir} alone (every file), {@code baseDir} + {@code filter},
 * {@code baseDir} + {@code files} (relative to it), or {@code files} alone (absolute).
 */
final class LocalFilesFunction implements InputTableFunction {
  private static final List<TableFunctionParameter> PARAMETERS = declareParameters();

  private static List<TableFunctionParameter> declareParameters() {
    List<TableFunctionParameter> parameters = new ArrayList<>();
    parameters.add(TableFunctionParameter.optional("baseDir", TableFunctionParameter.Type.VARCHAR));
    parameters.add(TableFunctionParameter.optional("filter", TableFunctionParameter.Type.VARCHAR));
    parameters.add(TableFunctionParameter.optional("files", TableFunctionParameter.Type.VARCHAR_ARRAY));
    parameters.addAll(FormatArguments.PARAMETERS);
    return List.copyOf(parameters);
  }

  @Override
  public String name() {
    return "localfiles";
  }

  @Override
  public List<TableFunctionParameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public ExternalTable table(TableFunctionArguments arguments) {
    List<ColumnSignature> signature = FormatArguments.signature(name(), arguments);
    return new ExternalTable(new ExternalInputSpec(source(arguments),
        FormatArguments.format(name(), arguments, signature), signature));
  }

  private static LocalInputSource source(TableFunctionArguments arguments) {
    String baseDir = arguments.string("baseDir");
    String filter = arguments.string("filter");
    List<String> files = arguments.strings("files");
    if (baseDir == null && (files == null || files.isEmpty())) {
      throw ExternalErrors.invalidField("inputSource", "At least one of [baseDir] or [files] must be specified");
    }
    if (files != null && !files.isEmpty()) {
      if (filter != null) {
        throw ExternalErrors.invalidField("inputSource", "A [filter] applies to [baseDir], not to [files]");
      }
      List<String> resolved = baseDir == null ? files
          : files.stream().map(file -> Path.of(baseDir).resolve(file).toString()).toList();
      return new LocalInputSource(null, null, resolved);
    }
    return new LocalInputSource(baseDir, filter == null ? "*" : filter, null);
  }
}
