package io.msqbeam.pipelines.expr;

import java.util.List;
import org.apache.druid.java.util.common.DateTimes;
import org.apache.druid.math.expr.Expr;
import org.apache.druid.math.expr.ExprEval;
import org.apache.druid.math.expr.ExprMacroTable;
import org.apache.druid.math.expr.ExpressionType;
import org.apache.druid.query.expression.TimestampParseExprMacro;
import org.joda.time.DateTimeZone;

/**
 * Druid's {@code timestamp_parse} (SQL {@code TIME_PARSE}), with the plain ISO 8601 shapes of
 * {@link IsoTimestamps} read directly. Parsing the input's timestamp is the one expression almost
 * every ingestion evaluates on every row, and Druid's Joda parser spent about a fifth of the time
 * of reading and parsing a JSON row on it. Every other call — a format, a time zone, an unusual
 * string — is Druid's own.
 */
final class FastTimestampParseExprMacro implements ExprMacroTable.ExprMacro {
  private final TimestampParseExprMacro druid = new TimestampParseExprMacro();

  @Override
  public String name() {
    return druid.name();
  }

  @Override
  public Expr apply(List<Expr> args) {
    Expr druidExpr = druid.apply(args);
    return isIsoInUtc(args) ? new Parse(this, args, druidExpr) : druidExpr;
  }

  /**
   * Whether the call parses with Druid's default ISO parser in UTC: no format (absent or a null
   * literal) and no zone or a zone literal that is UTC. The planner writes SQL's {@code TIME_PARSE(x)}
   * as {@code timestamp_parse(x,null,'UTC')} under the default {@code sqlTimeZone}, so this is the
   * form that matters; strings without an offset are then in UTC, as {@link IsoTimestamps} reads them.
   */
  private static boolean isIsoInUtc(List<Expr> args) {
    if (args.size() > 1 && !isNullLiteral(args.get(1))) {
      return false;
    }
    if (args.size() > 2 && !isNullLiteral(args.get(2))) {
      Expr zone = args.get(2);
      return zone.isLiteral() && zone.getLiteralValue() instanceof String name && isUtc(DateTimes.inferTzFromString(name));
    }
    return true;
  }

  /** UTC under any of its names ('UTC', 'Etc/UTC', 'Z', '+00:00'): fixed at a zero offset. */
  private static boolean isUtc(DateTimeZone zone) {
    return zone.isFixed() && zone.getOffset(0L) == 0;
  }

  private static boolean isNullLiteral(Expr expr) {
    return expr.isLiteral() && expr.getLiteralValue() == null;
  }

  /** {@code timestamp_parse} in UTC with no format: the plain shapes read here, the rest by Druid's expression. */
  static final class Parse extends ExprMacroTable.BaseScalarMacroFunctionExpr {
    private final Expr druidExpr;

    Parse(ExprMacroTable.ExprMacro macro, List<Expr> args, Expr druidExpr) {
      super(macro, args);
      this.druidExpr = druidExpr;
    }

    @Override
    public ExprEval eval(ObjectBinding bindings) {
      String value = args.get(0).eval(bindings).asString();
      if (value == null) {
        return ExprEval.of(null);
      }
      long millis = IsoTimestamps.parse(value);
      return millis == IsoTimestamps.NOT_READ ? druidExpr.eval(bindings) : ExprEval.of(millis);
    }

    @Override
    public ExpressionType getOutputType(InputBindingInspector inspector) {
      return ExpressionType.LONG;
    }
  }
}
