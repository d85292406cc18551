package io.msqbeam.translator.parser;

import static java.util.Objects.requireNonNull;

import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.InvalidSqlInput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The resolved {@code PARTITIONED BY} granularity: ALL, or one of Druid's standard ISO-8601 periods
 * (PT1S, PT1M, PT5M, PT10M, PT15M, PT30M, PT1H, PT6H, PT8H, P1D, P1W, P1M, P3M, P1Y).
 *
 * <p>Druid accepts only the default period of a standard granularity type, so time chunks always
 * line up: {@code TIME_FLOOR(__time, 'PT2H')} is rejected. {@link #fromSqlNode} follows the rules
 * and messages of Druid's {@code DruidSqlParserUtils}.
 *
 * @param period the canonical ISO-8601 period such as {@code P1D}, or null for ALL
 */
public record PartitionGranularity(@Nullable String period) {
  public static final PartitionGranularity ALL = new PartitionGranularity(null);

  private static final String TIME_COLUMN = "__time";

  public PartitionGranularity {
    if (period != null && StandardGranularity.ofPeriod(period).isEmpty()) {
      throw new IllegalArgumentException("Not a standard Druid granularity period: " + period);
    }
  }

  /** A standard period in canonical form, e.g. {@code PT1H}; throws for any other period. */
  public static PartitionGranularity ofPeriod(String period) {
    return new PartitionGranularity(requireNonNull(period, "period is null"));
  }

  public boolean isAll() {
    return period == null;
  }

  /** Druid's name for the granularity as reports print it: {@code DAY}, {@code FIFTEEN_MINUTE}, {@code ALL}. */
  public String druidName() {
    return standard().name();
  }

  private StandardGranularity standard() {
    return period == null ? StandardGranularity.ALL : StandardGranularity.ofPeriod(period).orElseThrow();
  }

  /**
   * Resolves the {@code PARTITIONED BY} argument as the parser produced it, throwing Druid's
   * {@code invalidInput} error where Druid would reject it.
   */
  public static PartitionGranularity fromSqlNode(SqlNode node) {
    requireNonNull(node, "node is null");
    if (node instanceof SqlLiteral literal && literal.getValue() instanceof GranularityKeyword keyword) {
      return fromKeyword(keyword);
    }
    if (node instanceof SqlLiteral literal) {
      if (!SqlTypeName.CHAR_TYPES.contains(literal.getTypeName())) {
        throw invalidGranularity(node);
      }
      return of(fromNameOrPeriod(literal.getValueAs(String.class)), node);
    }
    if (node instanceof SqlIdentifier identifier) {
      return of(fromNameOrPeriod(identifier.names.get(0)), node);
    }
    if (node instanceof SqlCall call) {
      return fromCall(call);
    }
    throw invalidGranularity(node);
  }

  private static PartitionGranularity fromKeyword(GranularityKeyword keyword) {
    return switch (keyword) {
      case HOUR -> of(StandardGranularity.HOUR);
      case DAY -> of(StandardGranularity.DAY);
      case MONTH -> of(StandardGranularity.MONTH);
      case YEAR -> of(StandardGranularity.YEAR);
      case ALL, ALL_TIME -> ALL;
    };
  }

  /** Druid reads a granularity type name in any case first, then an ISO-8601 period. */
  private static Optional<StandardGranularity> fromNameOrPeriod(String text) {
    Optional<StandardGranularity> named = StandardGranularity.ofName(text);
    if (named.isPresent()) {
      return named;
    }
    return IsoPeriod.parse(text).flatMap(p -> StandardGranularity.ofPeriod(p.canonical()));
  }

  private static PartitionGranularity fromCall(SqlCall call) {
    String operator = call.getOperator().getName();
    boolean isFloor = "FLOOR".equalsIgnoreCase(operator);
    boolean isTimeFloor = "TIME_FLOOR".equalsIgnoreCase(operator);
    if (!isFloor && !isTimeFloor) {
      throw invalidSql("Invalid operator[%s] specified. PARTITIONED BY clause only supports FLOOR(__time TO <unit>)"
          + " and TIME_FLOOR(__time, period) functions.", operator);
    }
    List<SqlNode> operands = call.getOperandList();
    if (operands.size() != 2) {
      throw invalidSql("%s in PARTITIONED BY clause must have 2 arguments, but only [%d] provided.",
          operator, operands.size());
    }
    requireTimeColumn(operands.get(0), operator);
    StandardGranularity granularity = isTimeFloor ? timeFloorGranularity(operands.get(1), call) : floorGranularity(operands.get(1));
    return of(granularity);
  }

  private static void requireTimeColumn(SqlNode operand, String operator) {
    if (!(operand instanceof SqlIdentifier identifier)) {
      throw invalidSql("Invalid argument type[%s] provided. The first argument to %s in PARTITIONED BY clause"
          + " must be __time.", operand.getKind(), operator);
    }
    String name = identifier.isSimple() ? identifier.getSimple() : identifier.toString();
    if (!TIME_COLUMN.equals(name)) {
      throw invalidSql("Invalid argument[%s] provided. The first argument to %s in PARTITIONED BY clause"
          + " must be __time.", name, operator);
    }
  }

  private static StandardGranularity timeFloorGranularity(SqlNode operand, SqlCall call) {
    if (operand.getKind() != SqlKind.LITERAL) {
      throw invalidSql("Invalid argument[%s] provided. The second argument to TIME_FLOOR in PARTITIONED BY clause"
          + " must be a period like 'PT1H'.", operand.getKind());
    }
    String text = SqlLiteral.unchain(operand).toValue();
    Optional<IsoPeriod> period = text == null ? Optional.empty() : IsoPeriod.parse(text);
    if (period.isEmpty()) {
      throw invalidSql("granularity[%s] is an invalid period literal.", operand);
    }
    return StandardGranularity.ofPeriod(period.get().canonical()).orElseThrow(() -> invalidGranularity(call));
  }

  private static StandardGranularity floorGranularity(SqlNode operand) {
    if (!(operand instanceof SqlIntervalQualifier qualifier)) {
      throw invalidSql("Second argument[%s] to the FLOOR function in PARTITIONED BY clause is not a valid"
          + " granularity. Please refer to the documentation of FLOOR function.", operand);
    }
    return switch (qualifier.timeUnitRange) {
      case SECOND -> StandardGranularity.SECOND;
      case MINUTE -> StandardGranularity.MINUTE;
      case HOUR -> StandardGranularity.HOUR;
      case DAY -> StandardGranularity.DAY;
      case WEEK -> StandardGranularity.WEEK;
      case MONTH -> StandardGranularity.MONTH;
      case QUARTER -> StandardGranularity.QUARTER;
      case YEAR -> StandardGranularity.YEAR;
      default -> throw invalidSql("%s is not a valid period granularity for ingestion.", qualifier.timeUnitRange);
    };
  }

  private static PartitionGranularity of(Optional<StandardGranularity> granularity, SqlNode original) {
    return of(granularity.orElseThrow(() -> invalidGranularity(original)));
  }

  private static PartitionGranularity of(StandardGranularity granularity) {
    return granularity == StandardGranularity.ALL ? ALL : new PartitionGranularity(granularity.period());
  }

  private static DruidException invalidGranularity(SqlNode node) {
    return invalidSql("Invalid granularity[%s] specified after PARTITIONED BY clause. Expected %s, ALL TIME,"
        + " FLOOR() or TIME_FLOOR()", node, StandardGranularity.documentedNames());
  }

  private static DruidException invalidSql(String format, Object... args) {
    return InvalidSqlInput.exception(String.format(Locale.ROOT, format, args));
  }
}
