package io.msqbeam.server.sql;

import static java.util.Objects.requireNonNull;

import io.msqbeam.translator.plan.ColumnMapping;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.TaskReportDestination;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of a SQL API result, as the header rows describe it.
 *
 * @param name the SQL output name
 * @param nativeType Druid's native type ({@code LONG}, {@code STRING}, …), or null when unknown, which
 *     Druid writes as {@code null} in JSON headers and as an empty field in csv
 * @param sqlType the SQL type name ({@code TIMESTAMP}, {@code VARCHAR}, …)
 */
public record ResultColumn(String name, String nativeType, String sqlType) {
  public ResultColumn {
    requireNonNull(name, "name is null");
    requireNonNull(sqlType, "sqlType is null");
  }

  /**
   * The columns of a planned SELECT: output names and SQL types from its destination, native types from
   * its final stage's signature. TIMESTAMP, DATE and BOOLEAN are LONG natively, as in Druid.
   */
  public static List<ResultColumn> of(QueryPlan plan) {
    TaskReportDestination destination = (TaskReportDestination) plan.destination();
    StageDefinition finalStage = plan.finalStage();
    List<ResultColumn> columns = new ArrayList<>();
    for (int i = 0; i < destination.columnMappings().size(); i++) {
      ColumnMapping mapping = destination.columnMappings().get(i);
      String sqlType = destination.sqlTypeNames().get(i);
      int index = finalStage.columnIndex(mapping.queryColumn());
      columns.add(new ResultColumn(mapping.outputColumn(),
          nativeType(sqlType, index < 0 ? null : finalStage.signature().get(index).type().druidName()), sqlType));
    }
    return columns;
  }

  /**
   * The native type Druid shows for a column of {@code sqlType} whose stage signature says
   * {@code signatureType} (nullable): TIMESTAMP, DATE and BOOLEAN are LONG whatever computed them.
   */
  public static String nativeType(String sqlType, String signatureType) {
    return switch (sqlType) {
      case "TIMESTAMP", "DATE", "BOOLEAN" -> "LONG";
      default -> signatureType;
    };
  }
}
