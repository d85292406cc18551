package io.msqbeam.translator.planner;

import io.msqbeam.translator.plan.QueryPlan;

import static java.util.Objects.requireNonNull;

/**
 * A statement ready to run: what kind it is, the datasource a task status shows
 * ({@code __query_select} for SELECT), and its plan.
 */
public record PlannedStatement(Kind kind, String dataSource, QueryPlan plan) {
  public static final String SELECT_DATASOURCE = "__query_select";

  public PlannedStatement {
    requireNonNull(kind, "kind is null");
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(plan, "plan is null");
  }

  /** The statement forms of the task engine. */
  public enum Kind {
    INSERT, REPLACE, SELECT
  }
}
