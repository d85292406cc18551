package io.msqbeam.translator.planner;

import io.msqbeam.translator.error.InvalidSqlInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Replaces each {@code ?} by a literal of its parameter's type before validation, as Druid does, so
 * that plans never carry unbound values. TIMESTAMP values may be epoch millis, ISO strings or
 * {@code yyyy-MM-dd HH:mm:ss}; DATE values {@code yyyy-MM-dd}.
 */
final class ParameterBinder extends SqlShuttle {
  private final List<SqlParameter> parameters;

  ParameterBinder(List<SqlParameter> parameters) {
    this.parameters = List.copyOf(parameters);
  }

  @Override
  public SqlNode visit(SqlDynamicParam param) {
    int index = param.getIndex();
    if (index >= parameters.size()) {
      throw InvalidSqlInput.exception("No value bound for parameter (position [" + (index + 1) + "])");
    }
    return literal(parameters.get(index), param.getParserPosition());
  }

  private static SqlNode literal(SqlParameter parameter, SqlParserPos pos) {
    String type = parameter.type().toUpperCase(Locale.ROOT);
    Object value = parameter.value();
    if (value == null) {
      SqlTypeName typeName = SqlTypeName.get(type);
      if (typeName == null) {
        throw InvalidSqlInput.exception("Cannot bind a null parameter of type [" + parameter.type() + "]");
      }
      return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createNull(pos),
          new SqlDataTypeSpec(new SqlBasicTypeNameSpec(typeName, pos), pos));
    }
    return switch (type) {
      case "VARCHAR", "CHAR" -> SqlLiteral.createCharString(value.toString(), pos);
      case "BIGINT", "INTEGER", "SMALLINT", "TINYINT" ->
          SqlLiteral.createExactNumeric(new BigDecimal(value.toString()).toBigInteger().toString(), pos);
      case "DOUBLE", "FLOAT", "REAL", "DECIMAL" -> SqlLiteral.createApproxNumeric(
          Double.toString(Double.parseDouble(value.toString())), pos);
      case "BOOLEAN" -> SqlLiteral.createBoolean(Boolean.parseBoolean(value.toString()), pos);
      case "TIMESTAMP" -> SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP,
          TimestampString.fromMillisSinceEpoch(millis(value)), 3, pos);
      case "DATE" -> SqlLiteral.createDate(DateString.fromDaysSinceEpoch(
          (int) LocalDate.parse(value.toString()).toEpochDay()), pos);
      default -> throw InvalidSqlInput.exception("Cannot bind a parameter of type [" + parameter.type() + "]");
    };
  }

  private static long millis(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    String text = value.toString().trim();
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (RuntimeException notIso) {
      return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]"))
          .toInstant(ZoneOffset.UTC).toEpochMilli();
    }
  }
}
