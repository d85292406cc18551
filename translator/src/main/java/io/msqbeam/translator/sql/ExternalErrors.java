package io.msqbeam.translator.sql;

import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.error.UncategorizedError;
import java.util.Map;

/**
 * Druid's messages for EXTERN, EXTEND and the input-source table functions, kept together so their
 * wording is reviewed in one place. Druid raises some of them as plain Java exceptions inside
 * Calcite, which its SQL layer reports as 500 {@code general}; those are reproduced as such.
 */
final class ExternalErrors {
  /** The Druid class a failing plan value stands for in Jackson's "Cannot construct instance" text. */
  private static final Map<String, String> DRUID_CLASSES = Map.of(
      "LocalInputSource", "org.apache.druid.data.input.impl.LocalInputSource",
      "HttpInputSource", "org.apache.druid.data.input.impl.HttpInputSource",
      "InlineInputSource", "org.apache.druid.data.input.impl.InlineInputSource",
      "CsvInputFormat", "org.apache.druid.data.input.impl.CsvInputFormat",
      "TsvInputFormat", "org.apache.druid.data.input.impl.DelimitedInputFormat",
      "JsonInputFormat", "org.apache.druid.data.input.impl.JsonInputFormat",
      "ParquetInputFormat", "org.apache.druid.data.input.parquet.ParquetInputFormat",
      "FlattenSpec", "org.apache.druid.java.util.common.parsers.JSONPathSpec",
      "FlattenField", "org.apache.druid.java.util.common.parsers.JSONPathFieldSpec");

  private ExternalErrors() {}

  static DruidException signatureAndExtend() {
    return InvalidSqlInput.exception("EXTERN requires either a [signature] value or an EXTEND clause, but not both");
  }

  static DruidException noSignature() {
    return InvalidSqlInput.exception("EXTERN requires either a [signature] value or an EXTEND clause");
  }

  static DruidException invalidField(String field, String reason) {
    return InvalidSqlInput.exception("Invalid value for the field [" + field + "]. Reason: " + reason);
  }

  /** A value whose constructor refused its fields, worded as Jackson words it for Druid's class. */
  static DruidException cannotConstruct(String field, Class<?> type, String problem) {
    String druidClass = DRUID_CLASSES.getOrDefault(type.getSimpleName(), type.getName());
    return invalidField(field, "Cannot construct instance of `" + druidClass + "`, problem: " + problem);
  }

  static DruidException unsupportedColumnType(String column, String type) {
    return uncategorized("org.apache.druid.java.util.common.IAE: Column [" + column
        + "] has an unsupported type: [" + type + "]");
  }

  static DruidException notSimpleColumnName(String column) {
    return uncategorized("org.apache.druid.java.util.common.IAE: Column [" + column + "] must have a simple name");
  }

  static DruidException noExtend(String function) {
    return uncategorized("org.apache.druid.java.util.common.IAE: Function " + function
        + " does not accept an EXTEND clause (or a schema list)");
  }

  /** A table function called without a column list: it has no other way to learn its columns. */
  static DruidException needsColumns(String function) {
    return InvalidSqlInput.exception("Function [" + function + "] requires a column list: add EXTEND (col TYPE, ...)"
        + " after the call");
  }

  static DruidException unknownFormat(String format) {
    return InvalidSqlInput.exception("Unsupported format [" + format + "]; expected one of [csv, tsv, json]");
  }

  static DruidException missingArgument(String function, String parameter) {
    return InvalidSqlInput.exception("Function [" + function + "] requires a value for [" + parameter + "]");
  }

  static DruidException uncategorized(String inner) {
    return UncategorizedError.exception("Uncategorized calcite error message: [" + inner + "]", null);
  }
}
