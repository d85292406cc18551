package io.msqbeam.translator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.GroupByPreShuffleProcessor;
import io.msqbeam.translator.plan.PlanJson;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.StageInputSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Subqueries in FROM that do not collapse into one query level become stages that read another
 * stage's output ({@code {"type":"stage","stage":N}}), as in Druid's MSQ.
 */
class SubqueryPlanningTest {
  private static final String EXTERN = StatementPlannerTest.EXTERN;

  private final StatementPlanner planner = new StatementPlanner(Catalog.empty());

  private QueryPlan plan(String sql) {
    return planner.plan(sql, Map.of(), "query-q1", "2026-01-01T00:00:00.000Z").plan();
  }

  private static List<String> processors(QueryPlan plan) {
    return plan.stages().stream().map(s -> PlanJson.toJson(s.processor()).replaceAll("^\\{\"type\":\"(\\w+)\".*", "$1"))
        .toList();
  }

  private static List<Object> inputs(StageDefinition stage) {
    return stage.input().stream().map(i -> i instanceof StageInputSpec s ? (Object) s.stage() : i.getClass().getSimpleName())
        .toList();
  }

  @Test
  void plansAnAggregateOverAnAggregateAsTwoGroupByStagePairs() {
    QueryPlan plan = plan("SELECT COUNT(*) AS n FROM (SELECT channel, COUNT(*) AS c FROM " + EXTERN
        + " GROUP BY channel) WHERE c > 100");

    assertThat(processors(plan)).containsExactly("groupByPreShuffle", "groupByPostShuffle", "groupByPreShuffle",
        "groupByPostShuffle");
    assertThat(inputs(plan.stages().get(2))).containsExactly(1);
    assertThat(PlanJson.toJson(plan.stages().get(2))).contains("\"input\":[{\"type\":\"stage\",\"stage\":1}]");
    GroupByPreShuffleProcessor outer = (GroupByPreShuffleProcessor) plan.stages().get(2).processor();
    assertThat(outer.query().filter().expression()).isEqualTo("(\"a0\" > 100)");
    assertThat(outer.query().aggregations()).extracting(a -> a.name()).containsExactly("_a0");
  }

  @Test
  void plansALimitedSubqueryBeforeTheOuterAggregation() {
    QueryPlan plan = plan("SELECT channel, SUM(added) AS s FROM (SELECT channel, added FROM " + EXTERN
        + " ORDER BY added DESC LIMIT 3) GROUP BY channel");

    assertThat(processors(plan)).containsExactly("scan", "limit", "groupByPreShuffle", "groupByPostShuffle");
    assertThat(inputs(plan.stages().get(1))).containsExactly(0);
    assertThat(inputs(plan.stages().get(2))).containsExactly(1);
  }

  @Test
  void plansACommonTableExpressionLikeTheSubqueryItNames() {
    QueryPlan cte = plan("WITH c AS (SELECT channel, COUNT(*) AS n FROM " + EXTERN + " GROUP BY channel)"
        + " SELECT MAX(n) AS m FROM c");
    QueryPlan subquery = plan("SELECT MAX(n) AS m FROM (SELECT channel, COUNT(*) AS n FROM " + EXTERN
        + " GROUP BY channel)");

    assertThat(processors(cte)).containsExactly("groupByPreShuffle", "groupByPostShuffle", "groupByPreShuffle",
        "groupByPostShuffle");
    assertThat(PlanJson.toJson(cte)).isEqualTo(PlanJson.toJson(subquery));
  }

  @Test
  void namesOuterColumnsApartFromTheColumnsOfTheStageItReads() {
    QueryPlan plan = plan("SELECT c * 2 AS twice, UPPER(channel) AS u FROM (SELECT channel, COUNT(*) AS c FROM "
        + EXTERN + " GROUP BY channel ORDER BY c DESC LIMIT 2) WHERE channel <> 'x'");

    StageDefinition last = plan.finalStage();
    assertThat(last.signature()).extracting(c -> c.name()).doesNotHaveDuplicates();
    assertThat(PlanJson.fromJson(PlanJson.toJson(plan), QueryPlan.class)).isEqualTo(plan);
  }

  @Test
  void plansAnExactDistinctCountAsANestedGroupBy() {
    QueryPlan plan = planner.plan("SELECT channel, COUNT(DISTINCT added) AS d, COUNT(*) AS n FROM " + EXTERN
        + " GROUP BY channel", Map.of("useApproximateCountDistinct", false), "query-q1", "2026-01-01T00:00:00.000Z")
        .plan();

    assertThat(processors(plan)).containsExactly("groupByPreShuffle", "groupByPostShuffle", "groupByPreShuffle",
        "groupByPostShuffle");
    assertThat(PlanJson.toJson(plan)).doesNotContain("cardinality");
  }

  @Test
  void plansWindowFunctionsAsAWindowStageOverAStagePartitionedByTheirPartition() {
    QueryPlan plan = plan("SELECT channel, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY added DESC) AS rn FROM "
        + EXTERN);

    assertThat(processors(plan)).containsExactly("scan", "window", "scan");
    assertThat(PlanJson.toJson(plan.stages().get(1).processor())).isEqualTo("{\"type\":\"window\","
        + "\"partitionColumnNames\":[\"channel\"],\"orderBy\":[{\"columnName\":\"added\",\"order\":\"DESCENDING\"}],"
        + "\"functions\":[{\"type\":\"rowNumber\",\"outputColumn\":\"w0\"}],\"maxRowsMaterializedInWindow\":100000}");
    assertThat(plan.stages().get(0).shuffleSpec().type()).isEqualTo(io.msqbeam.translator.plan.ShuffleSpec.Kind.HASH);
    assertThat(PlanJson.fromJson(PlanJson.toJson(plan), QueryPlan.class)).isEqualTo(plan);
  }
}
