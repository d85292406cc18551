package io.msqbeam.translator.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * SELECT results: the final stage's columns, renamed by {@code columnMappings} to the SQL output
 * names, with the SQL type names Druid reports in {@code sqlTypeNames}.
 */
public record TaskReportDestination(List<ColumnMapping> columnMappings, List<String> sqlTypeNames)
    implements java.io.Serializable, QueryDestination {
  public TaskReportDestination {
    columnMappings = List.copyOf(requireNonNull(columnMappings, "columnMappings is null"));
    sqlTypeNames = List.copyOf(requireNonNull(sqlTypeNames, "sqlTypeNames is null"));
    if (columnMappings.size() != sqlTypeNames.size()) {
      throw new IllegalArgumentException("one SQL type per output column is needed");
    }
  }
}
