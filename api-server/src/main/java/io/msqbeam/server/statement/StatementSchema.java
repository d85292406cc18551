package io.msqbeam.server.statement;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.sql.ResultColumn;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.TaskReportDestination;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code schema} of a statement, Druid's column names with their SQL and native types, which only a
 * SELECT has: from the plan while its task is alive, from the report's results once it succeeded.
 */
final class StatementSchema {
  private StatementSchema() {}

  /** The columns of a planned statement; null for an ingestion. */
  static List<ResultColumn> of(QueryPlan plan) {
    return plan.destination() instanceof TaskReportDestination ? ResultColumn.of(plan) : null;
  }

  /** The columns a report's {@code results} name; null when it has none (an ingestion, a failure). */
  static List<ResultColumn> of(StoredReport.Summary summary) {
    JsonNode signature = summary.signature();
    JsonNode sqlTypes = summary.sqlTypeNames();
    if (!signature.isArray() || !sqlTypes.isArray() || signature.size() != sqlTypes.size()) {
      return null;
    }
    List<ResultColumn> columns = new ArrayList<>(signature.size());
    for (int i = 0; i < signature.size(); i++) {
      String sqlType = sqlTypes.get(i).asText();
      JsonNode type = signature.get(i).path("type");
      columns.add(new ResultColumn(signature.get(i).path("name").asText(),
          ResultColumn.nativeType(sqlType, type.isTextual() ? type.asText() : null), sqlType));
    }
    return columns;
  }
}
