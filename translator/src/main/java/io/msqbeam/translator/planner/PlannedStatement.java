package io.msqbeam.translator.planner;

import io.msqbeam.translator.plan.QueryPlan;

import static java.util.Objects.requireNonNull;

/**
 * A statement ready to run: what kind it is, the datasource a task status shows
 * ({@code __query_select} for SELECT), its plan, and the attributes EXPLAIN PLAN FOR shows of it.
 * {@code explain} says the statement was {@code EXPLAIN PLAN FOR} this one: it is described
 * ({@link Explanation}), not run.
 */
public record PlannedStatement(Kind kind, String dataSource, QueryPlan plan, ExplainAttributes attributes,
    boolean explain) {
  public static final String SELECT_DATASOURCE = "__query_select";

  public PlannedStatement {
    requireNonNull(kind, "kind is null");
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(plan, "plan is null");
    requireNonNull(attributes, "attributes is null");
  }

  /** This statement as the subject of EXPLAIN PLAN FOR. */
  PlannedStatement explained() {
    return new PlannedStatement(kind, dataSource, plan, attributes, true);
  }

  /** The statement forms of the task engine. */
  public enum Kind {
    INSERT, REPLACE, SELECT
  }
}
