package io.msqbeam.translator.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.error.UncategorizedError;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InputFormat;
import io.msqbeam.translator.plan.InputSource;
import io.msqbeam.translator.plan.LocalInputSource;
import io.msqbeam.translator.plan.PlanJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Druid's {@code EXTERN(inputSource, inputFormat, signature)}: three JSON strings that become an
 * {@link ExternalTable}. Bad JSON gets Druid's messages.
 */
public final class ExternTableMacro implements TableMacro {
  static final List<String> PARAMETER_NAMES = List.of("inputSource", "inputFormat", "signature");

  @Override
  public List<FunctionParameter> getParameters() {
    List<FunctionParameter> parameters = new ArrayList<>();
    for (int i = 0; i < PARAMETER_NAMES.size(); i++) {
      int ordinal = i;
      parameters.add(new FunctionParameter() {
        @Override
        public int getOrdinal() {
          return ordinal;
        }

        @Override
        public String getName() {
          return PARAMETER_NAMES.get(ordinal);
        }

        @Override
        public RelDataType getType(RelDataTypeFactory typeFactory) {
          return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
        }

        @Override
        public boolean isOptional() {
          return ordinal == 2;
        }
      });
    }
    return parameters;
  }

  @Override
  public TranslatableTable apply(List<? extends Object> arguments) {
    String inputSourceJson = (String) arguments.get(0);
    String inputFormatJson = (String) arguments.get(1);
    String signatureJson = arguments.size() > 2 ? (String) arguments.get(2) : null;
    if (signatureJson == null) {
      throw InvalidSqlInput.exception("EXTERN requires either a [signature] value or an EXTEND clause");
    }
    InputSource inputSource = read(inputSourceJson, InputSource.class, "inputSource");
    if (inputSource instanceof LocalInputSource local
        && local.baseDir() == null && (local.files() == null || local.files().isEmpty())) {
      throw InvalidSqlInput.exception(
          "Invalid value for the field [inputSource]. Reason: At least one of [baseDir] or [files] must be specified");
    }
    InputFormat inputFormat = read(inputFormatJson, InputFormat.class, "inputFormat");
    return new ExternalTable(new ExternalInputSpec(inputSource, inputFormat, signature(signatureJson)));
  }

  private static <T> T read(String json, Class<T> type, String field) {
    if (json == null) {
      throw InvalidSqlInput.exception("Invalid value for the field [" + field + "]. Reason: null");
    }
    try {
      return PlanJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw InvalidSqlInput.exception(
          "Invalid value for the field [" + field + "]. Reason: " + e.getOriginalMessage());
    }
  }

  private static List<ColumnSignature> signature(String json) {
    JsonNode array;
    try {
      array = PlanJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw InvalidSqlInput.exception(
          "Invalid value for the field [rowSignature]. Reason: " + e.getOriginalMessage());
    }
    if (array == null || !array.isArray()) {
      throw InvalidSqlInput.exception("Invalid value for the field [rowSignature]. Reason: expected a JSON array");
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
        throw uncategorized("org.apache.druid.java.util.common.ISE: Encountered null type for column[" + name + "]");
      }
      if (DruidTypes.TIME_COLUMN.equals(name) && type != ColumnType.LONG) {
        throw uncategorized("org.apache.druid.java.util.common.IAE: EXTERN function with __time column can be used"
            + " when __time column is of type long. Please change the column name to something other than __time");
      }
      columns.add(new ColumnSignature(name, type));
    }
    return columns;
  }

  private static DruidException uncategorized(String inner) {
    return UncategorizedError.exception("Uncategorized calcite error message: [" + inner + "]", null);
  }
}
