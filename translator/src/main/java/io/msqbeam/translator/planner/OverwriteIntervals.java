package io.msqbeam.translator.planner;

import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.parser.PartitionGranularity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.util.TimestampString;

/**
 * Turns a REPLACE's {@code OVERWRITE WHERE} condition into the time chunks it replaces, with Druid's
 * rules and messages: only {@code __time} compared with TIMESTAMP literals, combined with AND, OR,
 * NOT and BETWEEN; the result must be non-empty and aligned with the PARTITIONED BY granularity.
 */
final class OverwriteIntervals {
  private OverwriteIntervals() {}

  static List<String> of(SqlNode condition, PartitionGranularity granularity) {
    List<long[]> ranges = evaluate(condition);
    if (ranges.isEmpty()) {
      throw InvalidSqlInput.exception("The OVERWRITE WHERE clause [" + condition
          + "] produced no time intervals, are the bounds overly restrictive?");
    }
    List<String> intervals = new ArrayList<>();
    for (long[] range : ranges) {
      String interval = IsoIntervals.interval(range[0], range[1]);
      boolean eternal = range[0] == IsoIntervals.MIN && range[1] == IsoIntervals.MAX;
      boolean aligned = granularity.isAll() ? eternal
          : (range[0] == IsoIntervals.MIN || ChunkAlignment.isAligned(range[0], granularity))
              && (range[1] == IsoIntervals.MAX || ChunkAlignment.isAligned(range[1], granularity));
      if (!aligned) {
        throw InvalidSqlInput.exception("OVERWRITE WHERE clause identified interval [" + interval
            + "] which is not aligned with PARTITIONED BY granularity [" + ChunkAlignment.describe(granularity) + "]");
      }
      intervals.add(interval);
    }
    return intervals;
  }

  private static List<long[]> evaluate(SqlNode node) {
    if (!(node instanceof SqlBasicCall call)) {
      throw InvalidSqlInput.exception("Invalid OVERWRITE WHERE clause [" + node
          + "]: expected clause including AND, OR, NOT, >, <, >=, <= OR BETWEEN operators");
    }
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND: {
        List<long[]> result = List.of(new long[] {IsoIntervals.MIN, IsoIntervals.MAX});
        for (SqlNode operand : call.getOperandList()) {
          result = intersect(result, evaluate(operand));
        }
        return result;
      }
      case OR: {
        List<long[]> result = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
          result.addAll(evaluate(operand));
        }
        return normalize(result);
      }
      case NOT:
        return complement(evaluate(call.operand(0)));
      case BETWEEN: {
        long low = timestamp(call, call.operand(1));
        long high = timestamp(call, call.operand(2));
        checkTimeColumn(call, call.operand(0), low);
        return normalize(List.of(new long[] {low, high + 1}));
      }
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case EQUALS:
        return comparison(call, kind);
      default:
        throw InvalidSqlInput.exception("Invalid OVERWRITE WHERE clause [" + node + "]: Unsupported operation ["
            + call.getOperator().getName() + "] in OVERWRITE WHERE clause.");
    }
  }

  private static List<long[]> comparison(SqlBasicCall call, SqlKind kind) {
    SqlNode left = call.operand(0);
    SqlNode right = call.operand(1);
    boolean timeOnLeft = !(left instanceof SqlLiteral);  // SqlUnknownLiteral is a SqlLiteral too
    SqlNode column = timeOnLeft ? left : right;
    long value = timestamp(call, timeOnLeft ? right : left);
    SqlKind normalized = timeOnLeft ? kind : kind.reverse();
    checkTimeColumn(call, column, value, normalized);
    long[] range = switch (normalized) {
      case GREATER_THAN -> new long[] {value + 1, IsoIntervals.MAX};
      case GREATER_THAN_OR_EQUAL -> new long[] {value, IsoIntervals.MAX};
      case LESS_THAN -> new long[] {IsoIntervals.MIN, value};
      case LESS_THAN_OR_EQUAL -> new long[] {IsoIntervals.MIN, value + 1};
      default -> new long[] {value, value + 1};
    };
    return normalize(List.of(range));
  }

  private static void checkTimeColumn(SqlBasicCall call, SqlNode column, long value) {
    checkTimeColumn(call, column, value, SqlKind.GREATER_THAN_OR_EQUAL);
  }

  private static void checkTimeColumn(SqlBasicCall call, SqlNode column, long value, SqlKind kind) {
    if (column instanceof SqlIdentifier identifier && identifier.names.get(identifier.names.size() - 1).equals("__time")) {
      return;
    }
    String name = column instanceof SqlIdentifier identifier ? identifier.names.get(identifier.names.size() - 1)
        : column.toString();
    String bound = switch (kind) {
      case GREATER_THAN -> value + " < " + name + " as numeric";
      case GREATER_THAN_OR_EQUAL -> value + " <= " + name + " as numeric";
      case LESS_THAN -> name + " as numeric < " + value;
      case LESS_THAN_OR_EQUAL -> name + " as numeric <= " + value;
      default -> name + " = " + value;
    };
    throw InvalidSqlInput.exception("OVERWRITE WHERE clause only supports filtering on the __time column, got ["
        + bound + "]");
  }

  private static long timestamp(SqlBasicCall call, SqlNode node) {
    if (node instanceof org.apache.calcite.sql.SqlUnknownLiteral unknown) {
      // Calcite types literals such as TIMESTAMP '…' only during validation; resolve them here.
      node = unknown.resolve(org.apache.calcite.sql.type.SqlTypeName.lookup(unknown.tag));
    }
    if (node instanceof SqlTimestampLiteral literal) {
      return literal.getValueAs(TimestampString.class).getMillisSinceEpoch();
    }
    throw InvalidSqlInput.exception("Invalid OVERWRITE WHERE clause [" + call
        + "]: comparisons must be between __time and TIMESTAMP literals");
  }

  private static List<long[]> normalize(List<long[]> ranges) {
    List<long[]> sorted = new ArrayList<>();
    for (long[] range : ranges) {
      if (range[0] < range[1]) {
        sorted.add(range.clone());
      }
    }
    sorted.sort(Comparator.comparingLong(r -> r[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] range : sorted) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] >= range[0]) {
        long[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], range[1]);
      } else {
        merged.add(range);
      }
    }
    return merged;
  }

  private static List<long[]> intersect(List<long[]> a, List<long[]> b) {
    List<long[]> out = new ArrayList<>();
    for (long[] x : a) {
      for (long[] y : b) {
        out.add(new long[] {Math.max(x[0], y[0]), Math.min(x[1], y[1])});
      }
    }
    return normalize(out);
  }

  private static List<long[]> complement(List<long[]> ranges) {
    List<long[]> out = new ArrayList<>();
    long cursor = IsoIntervals.MIN;
    for (long[] range : ranges) {
      out.add(new long[] {cursor, range[0]});
      cursor = range[1];
    }
    out.add(new long[] {cursor, IsoIntervals.MAX});
    return normalize(out);
  }
}
