package io.msqbeam.translator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.PlanJson;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.ScanProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * UNNEST is planned as Druid's {@code unnest} data source ({@code j0.unnest}) read by the scan
 * above it; {@code MV_TO_ARRAY(dim)} unnests the multi-value string itself, as Druid's planner does.
 */
class UnnestPlanningTest {
  private static final String EXTERN = StatementPlannerTest.EXTERN;

  private final StatementPlanner planner = new StatementPlanner(Catalog.empty());

  private QueryPlan plan(String sql) {
    QueryPlan plan = planner.plan(sql, Map.of(), "query-q1", "2026-01-01T00:00:00.000Z").plan();
    assertThat(PlanJson.fromJson(PlanJson.toJson(plan), QueryPlan.class)).isEqualTo(plan);
    return plan;
  }

  @Test
  void plansUnnestOfAMultiValueStringAsAnUnnestDataSourceOverTheDimension() {
    QueryPlan plan = plan("SELECT channel, d FROM " + EXTERN + " CROSS JOIN UNNEST(MV_TO_ARRAY(channel)) AS t(d)");

    ScanProcessor scan = (ScanProcessor) plan.stages().get(0).processor();
    assertThat(PlanJson.toJson(scan.query().dataSource())).isEqualTo("{\"type\":\"unnest\",\"base\":{\"type\":"
        + "\"inputNumber\",\"inputNumber\":0},\"virtualColumn\":{\"type\":\"expression\",\"name\":\"j0.unnest\",\"expression\":\"\\\"channel\\\"\","
        + "\"outputType\":\"STRING\"}}");
    assertThat(scan.query().columns()).containsExactly("channel", "j0.unnest");
  }

  @Test
  void plansUnnestOfAnArrayExpressionWithItsArrayType() {
    QueryPlan plan = plan("SELECT x FROM " + EXTERN + " CROSS JOIN UNNEST(ARRAY[added, added * 2]) AS t(x)");

    String json = PlanJson.toJson(((ScanProcessor) plan.stages().get(0).processor()).query().dataSource());
    assertThat(json).contains("\"expression\":\"array(\\\"added\\\",(\\\"added\\\" * 2))\"")
        .contains("\"outputType\":\"ARRAY<LONG>\"");
  }
}
