package io.msqbeam.translator.planner;

import io.msqbeam.translator.catalog.TableDescriptor;
import io.msqbeam.translator.error.InvalidInput;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.sql.DruidTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Druid's check that an INSERT or REPLACE does not turn an existing multi-value string column into
 * an ARRAY column or back (MSQ's {@code DruidSqlValidator.validateTypeChanges}), with its messages;
 * the columns named in context {@code skipTypeVerification} (a list, a JSON array or a CSV string)
 * are exempt.
 */
final class TypeChangeCheck {
  static final String CONTEXT_KEY = "skipTypeVerification";

  private TypeChangeCheck() {}

  /**
   * @param names the output column names, in order
   * @param types their SQL types, in the same order
   * @param target the datasource written, if it exists
   */
  static void check(List<String> names, List<RelDataType> types, TableDescriptor target, Map<String, Object> context) {
    if (target == null) {
      return;
    }
    Set<String> skipped = skipped(context == null ? null : context.get(CONTEXT_KEY));
    ArrayIngestMode mode = ArrayIngestMode.of(context);
    String modeName = mode.name().toLowerCase(Locale.ROOT);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      ColumnType existing = existingType(target, name);
      if (existing == null || skipped.contains(name) || DruidTypes.TIME_COLUMN.equals(name)) {
        continue;
      }
      RelDataType sqlType = types.get(i);
      ColumnType written = writtenType(name, sqlType, mode);
      if (written == null || !(written.isArray() && existing == ColumnType.STRING
          || written == ColumnType.STRING && existing.isArray())) {
        continue;
      }
      StringBuilder message = new StringBuilder("Cannot write into field[" + name + "] using type[" + sqlType
          + "] and arrayIngestMode[" + modeName + "], since the existing type is[" + sqlTypeName(existing) + "]");
      if (written == ColumnType.STRING && sqlType.getSqlTypeName() == SqlTypeName.ARRAY && mode == ArrayIngestMode.MVD) {
        message.append(". Try setting arrayIngestMode to[array] to retain the SQL type[").append(sqlType).append("]");
      } else if (written.isArray() && existing == ColumnType.STRING && mode == ArrayIngestMode.ARRAY) {
        message.append(". Try wrapping this field using ARRAY_TO_MV(...) AS \"").append(name).append('"');
      } else if (written == ColumnType.STRING && existing.isArray()) {
        message.append(". Try");
        if (mode == ArrayIngestMode.MVD) {
          message.append(" setting arrayIngestMode to[array] and");
        }
        message.append(" adjusting your query to make this column an ARRAY instead of VARCHAR");
      }
      message.append(". See https://druid.apache.org/docs/latest/querying/arrays#arrayingestmode for more details"
          + " about this check and how to override it if needed.");
      throw InvalidSqlInput.exception(message.toString());
    }
  }

  private static ColumnType existingType(TableDescriptor target, String name) {
    for (ColumnSignature column : target.columns()) {
      if (column.name().equals(name)) {
        return column.type();
      }
    }
    return null;
  }

  /** The column type the segment would get; null for a type the check ignores (it cannot be written anyway). */
  private static ColumnType writtenType(String name, RelDataType sqlType, ArrayIngestMode mode) {
    ColumnType type = DruidTypes.nativeType(sqlType, name);
    return type == ColumnType.STRING_ARRAY && mode == ArrayIngestMode.MVD ? ColumnType.STRING : type;
  }

  /** A Druid type as Druid's SQL layer prints it ({@code VARCHAR}, {@code VARCHAR ARRAY}, …). */
  private static String sqlTypeName(ColumnType type) {
    return switch (type) {
      case STRING -> "VARCHAR";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case STRING_ARRAY -> "VARCHAR ARRAY";
      case LONG_ARRAY -> "BIGINT ARRAY";
      case DOUBLE_ARRAY -> "DOUBLE ARRAY";
      case JSON -> "COMPLEX<json>";
      case JSON_ARRAY -> "COMPLEX<json> ARRAY";
      case HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR -> type.druidName();
    };
  }

  private static Set<String> skipped(Object value) {
    if (value == null) {
      return Set.of();
    }
    if (value instanceof List<?> list) {
      Set<String> names = new HashSet<>();
      list.forEach(element -> names.add(String.valueOf(element)));
      return names;
    }
    if (value instanceof String text) {
      return new HashSet<>(SegmentSortOrder.decodeText(CONTEXT_KEY, text));
    }
    throw InvalidInput.exception("Expected key [" + CONTEXT_KEY + "] to be a String or List, but got [" + value + "]");
  }
}
