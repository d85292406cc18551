package io.msqbeam.translator.sql;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** One formal parameter of an input table function: its name (for {@code name => value}), SQL type and optionality. */
record TableFunctionParameter(String name, Type type, boolean optional) {
  TableFunctionParameter {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }

  static TableFunctionParameter required(String name, Type type) {
    return new TableFunctionParameter(name, type, false);
  }

  static TableFunctionParameter optional(String name, Type type) {
    return new TableFunctionParameter(name, type, true);
  }

  /** The SQL types table-function arguments take in Druid. */
  enum Type {
    VARCHAR, VARCHAR_ARRAY, INTEGER;

    SqlTypeFamily family() {
      return switch (this) {
        case VARCHAR -> SqlTypeFamily.STRING;
        case VARCHAR_ARRAY -> SqlTypeFamily.ARRAY;
        case INTEGER -> SqlTypeFamily.INTEGER;
      };
    }

    RelDataType relType(RelDataTypeFactory factory) {
      RelDataType varchar = factory.createSqlType(SqlTypeName.VARCHAR);
      RelDataType type = switch (this) {
        case VARCHAR -> varchar;
        case VARCHAR_ARRAY -> factory.createArrayType(varchar, -1);
        case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
      };
      return factory.createTypeWithNullability(type, true);
    }
  }
}
