package io.msqbeam.translator.parser;

import org.apache.calcite.sql.validate.SqlAbstractConformance;

/**
 * The SQL conformance Druid runs Calcite with ({@code DruidConformance}): standard SQL plus
 * {@code !=}, ORDER BY and GROUP BY ordinals, ORDER BY and HAVING on select-list aliases.
 *
 * <p>GROUP BY on an alias stays off, as in Druid: it makes Calcite's validator ambiguous for
 * queries such as {@code SELECT TRIM(x) AS x … GROUP BY TRIM(x)}.
 */
public final class DruidConformance extends SqlAbstractConformance {
  public static final DruidConformance INSTANCE = new DruidConformance();

  private DruidConformance() {}

  @Override
  public boolean isBangEqualAllowed() {
    return true;
  }

  @Override
  public boolean isSortByOrdinal() {
    return true;
  }

  @Override
  public boolean isSortByAlias() {
    return true;
  }

  @Override
  public boolean isGroupByAlias() {
    return false;
  }

  @Override
  public boolean isGroupByOrdinal() {
    return true;
  }

  @Override
  public boolean isHavingAlias() {
    return true;
  }

  /** Druid accepts {@code a % b} as MOD. */
  @Override
  public boolean isPercentRemainderAllowed() {
    return true;
  }
}
