package io.msqbeam.translator.sql;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The row signature an {@code EXTEND (col TYPE, …)} list declares, by Druid's mapping (§1.7):
 * CHAR/VARCHAR → string, TINYINT…BIGINT → long, DOUBLE → double, FLOAT/REAL → float. Other types are
 * refused with Druid's message; {@code <T> ARRAY} is an array of T's type; {@code TYPE('COMPLEX<json>')}
 * (Druid's grammar for a type named by a string) is a nested JSON column. Other complex types are not
 * supported here and are refused as unsupported types.
 */
final class ExtendSchema {
  private ExtendSchema() {}

  /** Reads Calcite's EXTEND list: alternating column identifiers and data type specs. */
  static List<ColumnSignature> of(SqlNodeList columns) {
    List<ColumnSignature> signature = new ArrayList<>();
    for (int i = 0; i + 1 < columns.size(); i += 2) {
      SqlIdentifier name = (SqlIdentifier) columns.get(i);
      SqlDataTypeSpec type = (SqlDataTypeSpec) columns.get(i + 1);
      if (!name.isSimple()) {
        throw ExternalErrors.notSimpleColumnName(name.toString());
      }
      signature.add(new ColumnSignature(name.getSimple(), columnType(name.getSimple(), type)));
    }
    return signature;
  }

  private static ColumnType columnType(String column, SqlDataTypeSpec type) {
    if (type.getTypeNameSpec() instanceof org.apache.calcite.sql.SqlUserDefinedTypeNameSpec named
        && ColumnType.fromDruidName(named.getTypeName().getSimple()) == ColumnType.JSON) {
      return ColumnType.JSON;
    }
    if (type.getTypeNameSpec() instanceof org.apache.calcite.sql.SqlCollectionTypeNameSpec collection
        && "ARRAY".equalsIgnoreCase(collection.getTypeName().getSimple())
        && collection.getElementTypeName() instanceof SqlBasicTypeNameSpec element) {
      SqlTypeName name = SqlTypeName.get(element.getTypeName().getSimple());
      if (name != null) {
        switch (name) {
          case CHAR, VARCHAR:
            return ColumnType.STRING_ARRAY;
          case TINYINT, SMALLINT, INTEGER, BIGINT:
            return ColumnType.LONG_ARRAY;
          case DOUBLE, FLOAT, REAL:
            return ColumnType.DOUBLE_ARRAY;
          default:
            break;
        }
      }
    }
    if (type.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic) {
      SqlTypeName name = SqlTypeName.get(basic.getTypeName().getSimple());
      if (name != null) {
        switch (name) {
          case CHAR, VARCHAR:
            return ColumnType.STRING;
          case TINYINT, SMALLINT, INTEGER, BIGINT:
            return ColumnType.LONG;
          case DOUBLE:
            return ColumnType.DOUBLE;
          case FLOAT, REAL:
            return ColumnType.FLOAT;
          default:
            break;
        }
      }
    }
    throw ExternalErrors.unsupportedColumnType(column, type.toString());
  }
}
