package io.msqbeam.translator.sql;

import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.plan.ColumnType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Maps between Druid native column types and Calcite SQL types, by Druid's rules (§7.1). */
public final class DruidTypes {
  public static final String TIME_COLUMN = "__time";

  private DruidTypes() {}

  /** The SQL type of a column; {@code __time} is a non-null TIMESTAMP, everything else is nullable. */
  public static RelDataType sqlType(RelDataTypeFactory factory, String columnName, ColumnType type) {
    if (TIME_COLUMN.equals(columnName) && type == ColumnType.LONG) {
      return factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
    }
    if (type.isComplex()) {
      return ComplexSqlType.of(factory, type);
    }
    RelDataType base = switch (type) {
      case STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
      case LONG -> factory.createSqlType(SqlTypeName.BIGINT);
      case FLOAT -> factory.createSqlType(SqlTypeName.FLOAT);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, JSON_ARRAY -> factory.createArrayType(
          sqlType(factory, "", type.elementType()), -1);
      case JSON, HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR ->
          throw new IllegalStateException("handled above");
    };
    return factory.createTypeWithNullability(base, true);
  }

  /** The row type of a list of Druid columns. */
  public static RelDataType rowType(RelDataTypeFactory factory, java.util.List<io.msqbeam.translator.plan.ColumnSignature> columns) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (io.msqbeam.translator.plan.ColumnSignature column : columns) {
      builder.add(column.name(), sqlType(factory, column.name(), column.type()));
    }
    return builder.build();
  }

  /** The native type that stores values of a SQL type, or an error for types Druid cannot store. */
  public static ColumnType nativeType(RelDataType type, String columnName) {
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case CHAR, VARCHAR -> ColumnType.STRING;
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, TIMESTAMP, DATE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> ColumnType.LONG;
      case FLOAT, REAL -> ColumnType.FLOAT;
      case DOUBLE, DECIMAL -> ColumnType.DOUBLE;
      case NULL -> ColumnType.STRING;
      case ARRAY -> nativeType(type.getComponentType(), columnName).arrayOf();
      case OTHER -> {
        if (type instanceof ComplexSqlType complex) {
          yield complex.columnType();
        }
        throw InvalidSqlInput.exception("Cannot handle column [" + columnName + "] with SQL type [" + name + "]");
      }
      default -> throw InvalidSqlInput.exception(
          "Cannot handle column [" + columnName + "] with SQL type [" + name + "]");
    };
  }

  /** The SQL type name Druid prints for a column type ({@code sqlTypeNames}, {@code sqlTypesHeader}). */
  public static String sqlTypeName(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case CHAR -> "CHAR";
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP";
      default -> name.getName();
    };
  }
}
