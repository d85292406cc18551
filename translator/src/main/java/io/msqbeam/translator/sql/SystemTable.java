package io.msqbeam.translator.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InlineInputSource;
import io.msqbeam.translator.plan.JsonInputFormat;
import io.msqbeam.translator.plan.PlanJson;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;

import static java.util.Objects.requireNonNull;

/**
 * A table of {@code INFORMATION_SCHEMA}, {@code sys} or {@code lookup} as a Calcite table. Its rows are fetched only
 * when a scan of it is planned, and become an inline NDJSON {@link ExternalInputSpec} with the
 * table's signature, so executors read system tables exactly like EXTERN data and need no code of
 * their own. Engines that cannot read system tables (Druid's {@code msq-task}) refuse the scan.
 */
public final class SystemTable extends AbstractTable {
  private final String schemaName;
  private final String tableName;
  private final List<ColumnSignature> columns;
  private final Supplier<List<List<Object>>> rows;
  private final Optional<String> refusingEngine;

  /**
   * @param rows values in {@code columns} order, fetched when a scan is planned
   * @param refusingEngine the engine that may not read this table; empty when reading is allowed
   */
  public SystemTable(String schemaName, String tableName, List<ColumnSignature> columns,
      Supplier<List<List<Object>>> rows, Optional<String> refusingEngine) {
    this.schemaName = requireNonNull(schemaName, "schemaName is null");
    this.tableName = requireNonNull(tableName, "tableName is null");
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    this.rows = requireNonNull(rows, "rows is null");
    this.refusingEngine = requireNonNull(refusingEngine, "refusingEngine is null");
  }

  /** {@code schema.table}, as Druid names system tables in its messages. */
  public String qualifiedName() {
    return schemaName + "." + tableName;
  }

  public String tableName() {
    return tableName;
  }

  public List<ColumnSignature> columns() {
    return columns;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return DruidTypes.rowType(typeFactory, columns);
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.SYSTEM_TABLE;
  }

  /** The current rows as inline JSON input, or Druid's refusal when the engine cannot read system tables. */
  public ExternalInputSpec inputSpec() {
    if (refusingEngine.isPresent()) {
      throw refusal(List.of(qualifiedName()), refusingEngine.get());
    }
    StringBuilder ndjson = new StringBuilder();
    for (List<Object> row : rows.get()) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        object.put(columns.get(i).name(), row.get(i));
      }
      try {
        ndjson.append(PlanJson.mapper().writeValueAsString(object)).append('\n');
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("Cannot write a row of " + qualifiedName(), e);
      }
    }
    return new ExternalInputSpec(new InlineInputSource(ndjson.toString()), new JsonInputFormat(), columns);
  }

  /** Druid's error for system tables read by an engine without the bindable-plan feature. */
  public static DruidException refusal(List<String> qualifiedNames, String engine) {
    return InvalidSqlInput.exception(
        "Cannot query table(s) [" + String.join(", ", qualifiedNames) + "] with SQL engine [" + engine + "]");
  }
}
