package io.msqbeam.translator.parser;

import org.apache.calcite.sql.Symbolizable;

/**
 * The bare keywords Druid's grammar accepts after {@code PARTITIONED BY}.
 *
 * <p>The parser turns them into symbol literals of this enum so that a bare {@code DAY} stays
 * distinguishable from a quoted {@code "DAY"} identifier or a {@code 'DAY'} string, and
 * {@code ALL TIME} from {@code ALL}. Other granularity names ({@code SECOND}, {@code WEEK}, …)
 * are not bare keywords in Druid: they are either reserved words (a syntax error) or plain
 * identifiers.
 */
public enum GranularityKeyword implements Symbolizable {
  HOUR("HOUR"),
  DAY("DAY"),
  MONTH("MONTH"),
  YEAR("YEAR"),
  ALL("ALL"),
  ALL_TIME("ALL TIME");

  private final String sql;

  GranularityKeyword(String sql) {
    this.sql = sql;
  }

  /** The keyword as written in SQL, e.g. {@code ALL TIME}. */
  public String sql() {
    return sql;
  }

  /** Calcite unparses symbol literals with {@code toString()}, so this keeps the SQL text intact. */
  @Override
  public String toString() {
    return sql;
  }
}
