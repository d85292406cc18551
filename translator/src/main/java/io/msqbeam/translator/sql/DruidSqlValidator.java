package io.msqbeam.translator.sql;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's validator with the window-frame rules of Druid's {@code DruidSqlValidator}: frames Druid
 * cannot evaluate are refused while validating, with Druid's messages and the window's position.
 * RANGE frames with offset bounds are refused unless {@code windowingStrictValidation} is false, and
 * so are the null orders Druid cannot sort by (descending nulls first, ascending nulls last).
 */
public final class DruidSqlValidator extends SqlValidatorImpl {
  private final boolean strictWindowing;

  public DruidSqlValidator(SqlOperatorTable operators, SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config, boolean strictWindowing) {
    super(operators, catalogReader, typeFactory, config);
    this.strictWindowing = strictWindowing;
  }

  @Override
  public void validateWindow(SqlNode windowOrId, SqlValidatorScope scope, SqlCall call) {
    SqlWindow window = windowOrId instanceof SqlIdentifier id ? getWindowByName(id, scope) : (SqlWindow) windowOrId;
    SqlNode lower = window.getLowerBound();
    SqlNode upper = window.getUpperBound();
    if (!isLiteralBound(lower) || !isLiteralBound(upper)) {
      throw refusal("Window frames with expression based lower/upper bounds are not supported.", windowOrId);
    }
    if (isOffset(lower) && isOffset(upper) && lower.getKind() == upper.getKind()) {
      // Druid's window operators cannot run a frame lying wholly before or after the row (apache/druid#15739).
      throw refusal("Query bounds with both lower and upper bounds as PRECEDING or FOLLOWING is not supported.",
          windowOrId);
    }
    if (call != null && call.getKind() == SqlKind.NTILE && (lower != null || upper != null)) {
      throw refusal("Framing of NTILE is not supported.", call);
    }
    if (call != null && (call.getKind() == SqlKind.FIRST_VALUE || call.getKind() == SqlKind.LAST_VALUE)
        && (!isUnboundedOrCurrent(lower) || !isUnboundedOrCurrent(upper))) {
      throw refusal("Framing of FIRST_VALUE/LAST_VALUE is only allowed with UNBOUNDED or CURRENT ROW.", call);
    }
    if (strictWindowing && !window.isRows() && (!isUnboundedOrCurrent(lower) || !isUnboundedOrCurrent(upper))) {
      throw refusal("The query contains a window frame which may return incorrect results. To disregard this"
          + " warning, set [windowingStrictValidation] to false in the query context.", windowOrId);
    }
    super.validateWindow(windowOrId, scope, call);
  }

  /**
   * Druid sorts nulls first ascending and last descending, and its validator refuses the other two
   * orders, in a query's ORDER BY as in a window's.
   */
  @Override
  public void validateCall(SqlCall call, SqlValidatorScope scope) {
    if (call.getKind() == SqlKind.NULLS_FIRST && call.operand(0).getKind() == SqlKind.DESCENDING) {
      throw refusal("DESCENDING ordering with NULLS FIRST is not supported!", call);
    }
    if (call.getKind() == SqlKind.NULLS_LAST && call.operand(0).getKind() != SqlKind.DESCENDING) {
      throw refusal("ASCENDING ordering with NULLS LAST is not supported!", call);
    }
    super.validateCall(call, scope);
  }

  /** A bound that is absent, UNBOUNDED, CURRENT ROW or a number of rows. */
  private static boolean isLiteralBound(SqlNode bound) {
    if (isUnboundedOrCurrent(bound)) {
      return true;
    }
    return (bound.getKind() == SqlKind.PRECEDING || bound.getKind() == SqlKind.FOLLOWING)
        && ((SqlCall) bound).operand(0) instanceof SqlLiteral;
  }

  /** {@code n PRECEDING} or {@code n FOLLOWING}: Calcite makes UNBOUNDED and CURRENT ROW symbols, not these calls. */
  private static boolean isOffset(SqlNode bound) {
    return bound != null && (bound.getKind() == SqlKind.PRECEDING || bound.getKind() == SqlKind.FOLLOWING);
  }

  private static boolean isUnboundedOrCurrent(SqlNode bound) {
    return bound == null || SqlWindow.isUnboundedPreceding(bound) || SqlWindow.isUnboundedFollowing(bound)
        || SqlWindow.isCurrentRow(bound);
  }

  private static CalciteContextException refusal(String message, SqlNode node) {
    SqlParserPos pos = node.getParserPosition();
    return new CalciteContextException(message, new SqlValidatorException(message, null), pos.getLineNum(),
        pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
  }
}
