package io.msqbeam.translator.sql;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces the JSON_QUERY and JSON_OBJECT calls Calcite's grammar builds (its standard operators, typed
 * VARCHAR) by Druid's, typed {@code COMPLEX<json>} ({@link JsonFunctions}), as Druid's planner does.
 * Calcite's JSON_QUERY carries its wrapper and ON EMPTY / ON ERROR behaviours after the path, which
 * Druid ignores; its JSON_OBJECT carries the ON NULL clause first, then the keys and values.
 */
public final class JsonCallRewriter extends SqlShuttle {
  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (!(visited instanceof SqlCall rewritten)) {
      return visited;
    }
    List<SqlNode> operands = rewritten.getOperandList();
    if (rewritten.getOperator() == SqlStdOperatorTable.JSON_QUERY) {
      return JsonFunctions.JSON_QUERY.createCall(rewritten.getParserPosition(), valueOf(operands.get(0)),
          operands.get(1));
    }
    if (rewritten.getOperator() == SqlStdOperatorTable.JSON_OBJECT) {
      SqlNode[] keysAndValues = operands.subList(1, operands.size()).stream()
          .map(JsonCallRewriter::valueOf)
          .toArray(SqlNode[]::new);
      return JsonFunctions.JSON_OBJECT.createCall(rewritten.getParserPosition(), keysAndValues);
    }
    return rewritten;
  }

  /** An operand without Calcite's {@code … FORMAT JSON} wrapper, which Druid's functions do not know. */
  private static SqlNode valueOf(SqlNode operand) {
    return operand != null && operand.getKind() == SqlKind.JSON_VALUE_EXPRESSION
        ? ((SqlCall) operand).operand(0) : operand;
  }
}
