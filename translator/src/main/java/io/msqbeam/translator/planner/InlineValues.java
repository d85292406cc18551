package io.msqbeam.translator.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.translator.sql.DruidTypes;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InlineInputSource;
import io.msqbeam.translator.plan.JsonInputFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * The rows of a {@code VALUES} list, or of a SELECT without FROM (one empty row), as a stage input:
 * inline newline-delimited JSON read like any external data, as Druid reads its {@code inline} data
 * source. Values carry Druid's native types: booleans as 1/0, TIMESTAMP and DATE as epoch millis of
 * the wall-clock time in the statement's {@code sqlTimeZone}, exact decimals as doubles.
 */
final class InlineValues {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InlineValues() {}

  static ExternalInputSpec inputOf(Values values, ZoneId timeZone) {
    List<RelDataTypeField> fields = values.getRowType().getFieldList();
    List<ColumnSignature> signature = new ArrayList<>();
    for (RelDataTypeField field : fields) {
      signature.add(new ColumnSignature(field.getName(), DruidTypes.nativeType(field.getType(), field.getName())));
    }
    StringBuilder data = new StringBuilder();
    for (List<RexLiteral> tuple : values.getTuples()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        row.put(fields.get(i).getName(), value(tuple.get(i), timeZone));
      }
      try {
        data.append(JSON.writeValueAsString(row)).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a VALUES row as JSON", e);
      }
    }
    return new ExternalInputSpec(new InlineInputSource(data.toString()), new JsonInputFormat(), signature);
  }

  private static Object value(RexLiteral literal, ZoneId timeZone) {
    if (literal.isNull()) {
      return null;
    }
    // The literal's SQL type, not its value's representation (an INTEGER literal holds a BigDecimal).
    SqlTypeName type = literal.getType().getSqlTypeName();
    return switch (type) {
      case CHAR, VARCHAR -> literal.getValueAs(String.class);
      case BOOLEAN -> Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? 1L : 0L;
      case TINYINT, SMALLINT, INTEGER, BIGINT -> literal.getValueAs(Long.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class).doubleValue();
      case DOUBLE, FLOAT, REAL -> literal.getValueAs(Double.class);
      case TIMESTAMP -> inTimeZone(literal.getValueAs(TimestampString.class).getMillisSinceEpoch(), timeZone);
      case DATE -> inTimeZone(literal.getValueAs(DateString.class).getMillisSinceEpoch(), timeZone);
      default -> throw Unplannable.because("VALUES of type [" + type + "] are not supported");
    };
  }

  /** A TIMESTAMP or DATE literal is a wall-clock time in the connection time zone. */
  private static long inTimeZone(long wallClockMillis, ZoneId timeZone) {
    LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(wallClockMillis), ZoneOffset.UTC);
    return local.atZone(timeZone).toInstant().toEpochMilli();
  }
}
