package io.msqbeam.translator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.PlanJson;
import io.msqbeam.translator.plan.QueryPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IN, NOT IN and EXISTS over subqueries are planned as Druid plans them: joins with an aggregate of
 * the subquery (a broadcast join by default), correlated subqueries decorrelated first.
 */
class SubqueryFilterPlanningTest {
  private static final String EXTERN = StatementPlannerTest.EXTERN;

  private final StatementPlanner planner = new StatementPlanner(Catalog.empty());

  private String planJson(String sql) {
    QueryPlan plan = planner.plan(sql, Map.of(), "query-q1", "2026-01-01T00:00:00.000Z").plan();
    return PlanJson.toJson(plan);
  }

  @Test
  void plansInOverASubqueryAsAnInnerJoinWithTheSubquerysDistinctValues() {
    String json = planJson("SELECT channel FROM " + EXTERN + " WHERE channel IN (SELECT channel FROM " + EXTERN
        + " WHERE added > 5)");

    assertThat(json).contains("\"type\":\"groupByPreShuffle\"").contains("\"type\":\"join\"")
        .contains("\"joinType\":\"INNER\"");
  }

  @Test
  void plansNotInAsALeftJoinThatKeepsTheRowsTheSubqueryLacks() {
    String json = planJson("SELECT channel FROM " + EXTERN + " WHERE channel NOT IN (SELECT channel FROM " + EXTERN
        + " WHERE added > 5)");

    assertThat(json).contains("\"joinType\":\"LEFT\"");
  }

  @Test
  void plansACorrelatedExistsAsAJoin() {
    String json = planJson("SELECT channel FROM " + EXTERN + " a WHERE EXISTS (SELECT 1 FROM " + EXTERN
        + " b WHERE b.channel = a.channel)");

    assertThat(json).contains("\"type\":\"join\"").doesNotContain("correlate");
  }
}
