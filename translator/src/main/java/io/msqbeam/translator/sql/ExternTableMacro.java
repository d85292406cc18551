package io.msqbeam.translator.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.msqbeam.translator.error.InvalidInput;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.HttpInputSource;
import io.msqbeam.translator.plan.HttpInputSourceConfig;
import io.msqbeam.translator.plan.InputFormat;
import io.msqbeam.translator.plan.InputSource;
import io.msqbeam.translator.plan.LocalInputSource;
import io.msqbeam.translator.plan.PlanJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;

/**
 * Druid's {@code EXTERN(inputSource, inputFormat, signature)}: three JSON strings that become an
 * {@link ExternalTable}. The signature may instead come from an EXTEND clause, which
 * {@link ExtendRewriter} turns into the {@code signature} argument. Bad JSON gets Druid's messages.
 */
public final class ExternTableMacro implements TableMacro, InputTableFunction {
  static final List<String> PARAMETER_NAMES = List.of("inputSource", "inputFormat", "signature");
  private static final List<TableFunctionParameter> PARAMETERS = List.of(
      TableFunctionParameter.required("inputSource", TableFunctionParameter.Type.VARCHAR),
      TableFunctionParameter.required("inputFormat", TableFunctionParameter.Type.VARCHAR),
      TableFunctionParameter.optional("signature", TableFunctionParameter.Type.VARCHAR));

  private final HttpInputSourceConfig httpConfig;

  public ExternTableMacro() {
    this(HttpInputSourceConfig.DEFAULT);
  }

  /** @param httpConfig the URIs {@code http} sources may read (Druid's {@code druid.ingestion.http.*}) */
  public ExternTableMacro(HttpInputSourceConfig httpConfig) {
    this.httpConfig = httpConfig;
  }

  @Override
  public String name() {
    return "EXTERN";
  }

  @Override
  public List<TableFunctionParameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return InputTableFunctionOperator.functionParameters(PARAMETERS);
  }

  @Override
  public ExternalTable table(TableFunctionArguments arguments) {
    return applyStrings(java.util.Arrays.asList(
        arguments.string("inputSource"), arguments.string("inputFormat"), arguments.string("signature")));
  }

  @Override
  public TranslatableTable apply(List<? extends Object> arguments) {
    return applyStrings(arguments);
  }

  ExternalTable applyStrings(List<? extends Object> arguments) {
    String inputSourceJson = (String) arguments.get(0);
    String inputFormatJson = arguments.size() > 1 ? (String) arguments.get(1) : null;
    String signatureJson = arguments.size() > 2 ? (String) arguments.get(2) : null;
    if (signatureJson == null) {
      throw ExternalErrors.noSignature();
    }
    InputSource inputSource = read(inputSourceJson, InputSource.class, "inputSource");
    if (inputSource instanceof LocalInputSource local
        && local.baseDir() == null && (local.files() == null || local.files().isEmpty())) {
      throw ExternalErrors.invalidField("inputSource", "At least one of [baseDir] or [files] must be specified");
    }
    if (inputSource instanceof HttpInputSource http) {
      checkAllowed(http, httpConfig);
    }
    InputFormat inputFormat = read(inputFormatJson, InputFormat.class, "inputFormat");
    return new ExternalTable(new ExternalInputSpec(inputSource, inputFormat, parseSignature(signatureJson)));
  }

  /** Druid refuses a URI outside the allow-list when the source is built, before anything is read. */
  static void checkAllowed(HttpInputSource http, HttpInputSourceConfig httpConfig) {
    try {
      httpConfig.check(http);
    } catch (IllegalArgumentException e) {
      throw ExternalErrors.cannotConstruct("inputSource", HttpInputSource.class, e.getMessage());
    }
  }

  private static <T> T read(String json, Class<T> type, String field) {
    if (json == null) {
      throw ExternalErrors.invalidField(field, "null");
    }
    try {
      return PlanJson.mapper().readValue(json, type);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw ExternalErrors.cannotConstruct(field, e.getType().getRawClass(), cause.getMessage());
    } catch (JsonProcessingException e) {
      throw ExternalErrors.invalidField(field, e.getOriginalMessage());
    }
  }

  /** Parses a signature JSON array of {@code {"name","type"}} with Druid's checks and messages. */
  static List<ColumnSignature> parseSignature(String json) {
    JsonNode array;
    try {
      array = PlanJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw ExternalErrors.invalidField("rowSignature", e.getOriginalMessage());
    }
    if (array == null || !array.isArray()) {
      throw ExternalErrors.invalidField("rowSignature", "expected a JSON array");
    }
    List<ColumnSignature> columns = new ArrayList<>();
    for (JsonNode column : array) {
      String name = column.path("name").asText("");
      if (name.isEmpty()) {
        throw InvalidSqlInput.exception("Cannot construct instance of `org.apache.druid.segment.column.ColumnSignature`,"
            + " problem: Column name must be provided and non-empty");
      }
      ColumnType type = ColumnType.fromDruidName(column.path("type").asText(null));
      if (type == null) {
        throw ExternalErrors.uncategorized(
            "org.apache.druid.java.util.common.ISE: Encountered null type for column[" + name + "]");
      }
      if (type == ColumnType.JSON_ARRAY) {
        throw InvalidInput.exception("Column [" + name + "] of an EXTERN signature cannot have the type ["
            + type.druidName() + "] yet: declare it COMPLEX<json> and use JSON_QUERY_ARRAY");
      }
      if (type.isRollupState()) {
        // Input rows are parsed, not deserialised: a sketch or a pair cannot be read from a file here.
        throw InvalidInput.exception("Column [" + name + "] of an EXTERN signature cannot have the type ["
            + type.druidName() + "]: complex values are not read from input files");
      }
      if (DruidTypes.TIME_COLUMN.equals(name) && type != ColumnType.LONG) {
        throw ExternalErrors.uncategorized("org.apache.druid.java.util.common.IAE: EXTERN function with __time column"
            + " can be used when __time column is of type long. Please change the column name to something other"
            + " than __time");
      }
      columns.add(new ColumnSignature(name, type));
    }
    return columns;
  }
}
