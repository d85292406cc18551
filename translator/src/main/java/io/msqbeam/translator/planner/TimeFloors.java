package io.msqbeam.translator.planner;

import io.msqbeam.translator.plan.QueryGranularity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;

/**
 * Druid's {@code Expressions.toQueryGranularity} on the plan: a group key that floors a table's own
 * {@code __time} ({@code FLOOR(__time TO …)}, {@code TIME_FLOOR(__time, …)}, {@code DATE_TRUNC(…, __time)})
 * has the floor's granularity. Druid's SQL planner makes the only such key of a groupBy over a table its
 * timestamp result field, and a rollup ingestion whose {@code __time} is that key writes segments of that
 * {@code queryGranularity} ({@code SegmentGenerationUtils}). A floor of anything else (a parsed string,
 * a subquery's column) is no query granularity.
 */
final class TimeFloors {
  private static final String TIME_COLUMN = "__time";

  private TimeFloors() {}

  /** A groupBy dimension that floors {@code __time}, with the granularity of its floor. */
  record Key(String dimension, QueryGranularity granularity) {}

  /**
   * The granularity of {@code key}, a group key over rows of {@code sourceColumns}, when it floors the
   * {@code __time} column in a way Druid reads as a granularity; otherwise null.
   */
  static QueryGranularity of(RexNode key, List<String> sourceColumns, ZoneId sessionZone) {
    if (!(key instanceof RexCall call)) {
      return null;
    }
    List<RexNode> operands = call.getOperands();
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (call.getKind() == SqlKind.FLOOR && operands.size() == 2 && isTime(operands.get(0), sourceColumns)
        && operands.get(1) instanceof RexLiteral) {
      return QueryGranularity.period(DruidExpressions.floorPeriod(DruidExpressions.unitOf(operands.get(1))),
          sessionZone.getId(), null);
    }
    if (name.equals("DATE_TRUNC") && operands.size() == 2 && isTime(operands.get(1), sourceColumns)) {
      return QueryGranularity.period(DruidExpressions.truncationPeriod(
          DruidExpressions.literalString(operands.get(0), "DATE_TRUNC unit")), sessionZone.getId(), null);
    }
    if (name.equals("TIME_FLOOR") && operands.size() >= 2 && isTime(operands.get(0), sourceColumns)
        && isString(operands.get(1))) {
      String period = ((RexLiteral) operands.get(1)).getValueAs(String.class);
      String zone = sessionZone.getId();
      if (operands.size() > 3 && !isNull(operands.get(3))) {
        if (!isString(operands.get(3))) {
          return null;
        }
        zone = ((RexLiteral) operands.get(3)).getValueAs(String.class);
      }
      String origin = null;
      if (operands.size() > 2 && !isNull(operands.get(2))) {
        if (!(operands.get(2) instanceof RexLiteral literal) || literal.getTypeName() != SqlTypeName.TIMESTAMP) {
          return null;
        }
        // A TIMESTAMP literal is a wall-clock time in the session time zone, as everywhere in Druid SQL.
        LocalDateTime wallClock = LocalDateTime.ofInstant(
            Instant.ofEpochMilli(literal.getValueAs(TimestampString.class).getMillisSinceEpoch()), ZoneOffset.UTC);
        origin = wallClock.atZone(sessionZone).toInstant().toString();
      }
      return QueryGranularity.period(period, zone, origin);
    }
    return null;
  }

  private static boolean isTime(RexNode node, List<String> sourceColumns) {
    return node instanceof RexInputRef ref && TIME_COLUMN.equals(sourceColumns.get(ref.getIndex()));
  }

  private static boolean isString(RexNode node) {
    return node instanceof RexLiteral literal && !literal.isNull()
        && SqlTypeName.CHAR_TYPES.contains(literal.getType().getSqlTypeName());
  }

  private static boolean isNull(RexNode node) {
    return node instanceof RexLiteral literal && literal.isNull();
  }
}
