package io.msqbeam.translator.sql;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import static java.util.Objects.requireNonNull;

/**
 * Druid's {@code INFORMATION_SCHEMA}: {@code SCHEMATA}, {@code TABLES} and {@code COLUMNS}, with the
 * columns of Druid's {@code InformationSchema} and its values: every column is a string except
 * {@code JDBC_TYPE}, {@code ORDINAL_POSITION} counts from 0, character columns report Druid's
 * {@code UTF-16LE} charset and collation.
 */
public final class InformationSchema {
  public static final String NAME = "INFORMATION_SCHEMA";
  /** Druid's catalog name, the same for every schema. */
  public static final String CATALOG_NAME = "druid";

  public static final List<ColumnSignature> SCHEMATA_COLUMNS = strings(
      "CATALOG_NAME", "SCHEMA_NAME", "SCHEMA_OWNER", "DEFAULT_CHARACTER_SET_CATALOG",
      "DEFAULT_CHARACTER_SET_SCHEMA", "DEFAULT_CHARACTER_SET_NAME", "SQL_PATH");
  public static final List<ColumnSignature> TABLES_COLUMNS = strings(
      "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "IS_JOINABLE", "IS_BROADCAST");
  public static final List<ColumnSignature> COLUMNS_COLUMNS = columnsColumns();

  /** Druid's Calcite default charset and collation ({@code Calcites.setSystemProperties}). */
  private static final String CHARSET = "UTF-16LE";
  private static final String COLLATION = CHARSET + "$en_US";

  /** A schema and its tables, in the order INFORMATION_SCHEMA lists them. */
  public record SchemaListing(String name, List<TableListing> tables) {
    public SchemaListing {
      requireNonNull(name, "name is null");
      tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }
  }

  /** @param type Calcite's JDBC table type: {@code TABLE} for datasources, {@code SYSTEM_TABLE} otherwise */
  public record TableListing(String name, String type, List<ColumnSignature> columns) {
    public TableListing {
      requireNonNull(name, "name is null");
      requireNonNull(type, "type is null");
      columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
  }

  private InformationSchema() {}

  /** The listing of this schema itself, which is part of what it lists. */
  static SchemaListing listing() {
    return new SchemaListing(NAME, List.of(
        new TableListing("COLUMNS", "SYSTEM_TABLE", COLUMNS_COLUMNS),
        new TableListing("SCHEMATA", "SYSTEM_TABLE", SCHEMATA_COLUMNS),
        new TableListing("TABLES", "SYSTEM_TABLE", TABLES_COLUMNS)));
  }

  /** The three tables over {@code schemas}, in {@link #listing()} order. */
  static List<SystemTable> tables(List<SchemaListing> schemas, Optional<String> refusingEngine) {
    return List.of(
        new SystemTable(NAME, "COLUMNS", COLUMNS_COLUMNS, () -> columnsRows(schemas), refusingEngine),
        new SystemTable(NAME, "SCHEMATA", SCHEMATA_COLUMNS, () -> schemataRows(schemas), refusingEngine),
        new SystemTable(NAME, "TABLES", TABLES_COLUMNS, () -> tablesRows(schemas), refusingEngine));
  }

  static List<List<Object>> schemataRows(List<SchemaListing> schemas) {
    List<List<Object>> rows = new ArrayList<>();
    for (SchemaListing schema : schemas) {
      rows.add(Arrays.asList(CATALOG_NAME, schema.name(), null, null, null, null, null));
    }
    return rows;
  }

  static List<List<Object>> tablesRows(List<SchemaListing> schemas) {
    List<List<Object>> rows = new ArrayList<>();
    for (SchemaListing schema : schemas) {
      for (TableListing table : schema.tables()) {
        // Lookups are Druid's global (joinable, broadcast) tables; no datasource of ours is one.
        String global = RootSchema.LOOKUP.equals(schema.name()) ? "YES" : "NO";
        rows.add(List.of(CATALOG_NAME, schema.name(), table.name(), table.type(), global, global));
      }
    }
    return rows;
  }

  static List<List<Object>> columnsRows(List<SchemaListing> schemas) {
    RelDataTypeFactory factory = new JavaTypeFactoryImpl();
    List<List<Object>> rows = new ArrayList<>();
    for (SchemaListing schema : schemas) {
      for (TableListing table : schema.tables()) {
        List<ColumnSignature> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
          ColumnSignature column = columns.get(i);
          RelDataType type = DruidTypes.sqlType(factory, column.name(), column.type());
          rows.add(columnRow(schema.name(), table.name(), column.name(), i, type));
        }
      }
    }
    return rows;
  }

  private static List<Object> columnRow(String schema, String table, String column, int index, RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    boolean numeric = SqlTypeName.NUMERIC_TYPES.contains(name);
    boolean character = SqlTypeName.CHAR_TYPES.contains(name);
    boolean dateTime = SqlTypeName.DATETIME_TYPES.contains(name);
    return Arrays.asList(
        CATALOG_NAME, schema, table, column,
        String.valueOf(index),
        "",
        type.isNullable() ? "YES" : "NO",
        // Druid prints a complex column's own type name (COMPLEX<json>, COMPLEX<hyperUnique>), not OTHER.
        type instanceof ComplexSqlType complex ? complex.druidName() : name.toString(),
        null,
        null,
        numeric ? String.valueOf(type.getPrecision()) : null,
        numeric ? "10" : null,
        numeric ? String.valueOf(type.getScale()) : null,
        dateTime ? String.valueOf(type.getPrecision()) : null,
        character ? CHARSET : null,
        character ? COLLATION : null,
        (long) name.getJdbcOrdinal());
  }

  private static List<ColumnSignature> columnsColumns() {
    List<ColumnSignature> columns = new ArrayList<>(strings(
        "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION", "COLUMN_DEFAULT",
        "IS_NULLABLE", "DATA_TYPE", "CHARACTER_MAXIMUM_LENGTH", "CHARACTER_OCTET_LENGTH", "NUMERIC_PRECISION",
        "NUMERIC_PRECISION_RADIX", "NUMERIC_SCALE", "DATETIME_PRECISION", "CHARACTER_SET_NAME", "COLLATION_NAME"));
    columns.add(new ColumnSignature("JDBC_TYPE", ColumnType.LONG));
    return List.copyOf(columns);
  }

  private static List<ColumnSignature> strings(String... names) {
    return Arrays.stream(names).map(n -> new ColumnSignature(n, ColumnType.STRING)).toList();
  }
}
