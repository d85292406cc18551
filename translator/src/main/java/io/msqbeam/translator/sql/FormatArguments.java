package io.msqbeam.translator.sql;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.CsvInputFormat;
import io.msqbeam.translator.plan.InputFormat;
import io.msqbeam.translator.plan.JsonInputFormat;
import io.msqbeam.translator.plan.TsvInputFormat;
import java.util.List;
import java.util.Locale;

/**
 * The format arguments every input table function shares — {@code format} ({@code csv}, {@code tsv},
 * {@code json}), {@code listDelimiter}, {@code skipHeaderRows}, {@code delimiter} (tsv) — and the
 * hidden {@code signature} argument the EXTEND list becomes. Delimited formats take their column
 * names from the declared columns, as Druid's table functions do.
 */
final class FormatArguments {
  static final List<TableFunctionParameter> PARAMETERS = List.of(
      TableFunctionParameter.required("format", TableFunctionParameter.Type.VARCHAR),
      TableFunctionParameter.optional("listDelimiter", TableFunctionParameter.Type.VARCHAR),
      TableFunctionParameter.optional("skipHeaderRows", TableFunctionParameter.Type.INTEGER),
      TableFunctionParameter.optional("delimiter", TableFunctionParameter.Type.VARCHAR),
      TableFunctionParameter.optional(ExtendRewriter.SIGNATURE, TableFunctionParameter.Type.VARCHAR));

  private FormatArguments() {}

  /** The declared columns; a table function has no other source of them. */
  static List<ColumnSignature> signature(String function, TableFunctionArguments arguments) {
    String json = arguments.string(ExtendRewriter.SIGNATURE);
    if (json == null) {
      throw ExternalErrors.needsColumns(function);
    }
    return ExternTableMacro.parseSignature(json);
  }

  static InputFormat format(String function, TableFunctionArguments arguments, List<ColumnSignature> signature) {
    String format = arguments.string("format");
    if (format == null) {
      throw ExternalErrors.missingArgument(function, "format");
    }
    List<String> columns = signature.stream().map(ColumnSignature::name).toList();
    String listDelimiter = arguments.string("listDelimiter");
    int skipHeaderRows = arguments.has("skipHeaderRows") ? arguments.integer("skipHeaderRows") : 0;
    try {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "csv" -> CsvInputFormat.withColumns(columns, listDelimiter, skipHeaderRows);
        case "tsv" -> TsvInputFormat.withColumns(columns, listDelimiter, arguments.string("delimiter"), skipHeaderRows);
        case "json" -> new JsonInputFormat();
        default -> throw ExternalErrors.unknownFormat(format);
      };
    } catch (IllegalArgumentException e) {
      Class<?> type = format.equalsIgnoreCase("csv") ? CsvInputFormat.class : TsvInputFormat.class;
      throw ExternalErrors.cannotConstruct("inputFormat", type, e.getMessage());
    }
  }
}
