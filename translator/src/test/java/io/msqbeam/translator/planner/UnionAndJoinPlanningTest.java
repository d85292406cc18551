package io.msqbeam.translator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.plan.GroupByPreShuffleProcessor;
import io.msqbeam.translator.plan.JoinDataSource;
import io.msqbeam.translator.plan.JoinType;
import io.msqbeam.translator.plan.PlanJson;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.ShuffleSpec;
import io.msqbeam.translator.plan.SortMergeJoinProcessor;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.UnionDataSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** UNION ALL as a union data source over stage inputs; JOIN as a broadcast join data source or a sortMergeJoin stage. */
class UnionAndJoinPlanningTest {
  private static final String EXTERN = StatementPlannerTest.EXTERN;

  private final StatementPlanner planner = new StatementPlanner(Catalog.empty());

  private QueryPlan plan(String sql) {
    return plan(sql, Map.of());
  }

  private QueryPlan plan(String sql, Map<String, Object> context) {
    QueryPlan plan = planner.plan(sql, context, "query-q1", "2026-01-01T00:00:00.000Z").plan();
    assertThat(PlanJson.fromJson(PlanJson.toJson(plan), QueryPlan.class)).isEqualTo(plan);
    return plan;
  }

  private static List<String> processors(QueryPlan plan) {
    return plan.stages().stream().map(s -> PlanJson.toJson(s.processor()).replaceAll("^\\{\"type\":\"(\\w+)\".*", "$1"))
        .toList();
  }

  @Test
  void plansTopLevelUnionAllAsAScanOverAUnionOfInputs() {
    QueryPlan plan = plan("SELECT channel, added FROM " + EXTERN + " UNION ALL SELECT channel, added * 2 FROM " + EXTERN);

    StageDefinition last = plan.finalStage();
    ScanProcessor scan = (ScanProcessor) last.processor();
    assertThat(scan.query().dataSource()).isInstanceOf(UnionDataSource.class);
    assertThat(PlanJson.toJson(scan.query().dataSource())).isEqualTo("{\"type\":\"union\",\"dataSources\":"
        + "[{\"type\":\"inputNumber\",\"inputNumber\":0},{\"type\":\"inputNumber\",\"inputNumber\":1}]}");
    assertThat(last.input()).hasSize(2);
  }

  @Test
  void aggregatesOverAUnionInTheSameStageThatReadsIt() {
    QueryPlan plan = plan("SELECT channel, COUNT(*) AS c FROM (SELECT channel FROM " + EXTERN
        + " UNION ALL SELECT UPPER(channel) AS channel FROM " + EXTERN + ") GROUP BY channel");

    assertThat(processors(plan).subList(processors(plan).size() - 2, processors(plan).size()))
        .containsExactly("groupByPreShuffle", "groupByPostShuffle");
    GroupByPreShuffleProcessor pre = (GroupByPreShuffleProcessor) plan.stages().get(plan.stages().size() - 2).processor();
    assertThat(pre.query().dataSource()).isInstanceOf(UnionDataSource.class);
  }

  @Test
  void rejectsUnionWithoutAll() {
    assertThatThrownBy(() -> plan("SELECT channel FROM " + EXTERN + " UNION SELECT channel FROM " + EXTERN))
        .isInstanceOf(DruidException.class)
        .hasMessageContaining("only 'UNION ALL' is supported");
  }

  @Test
  void broadcastsTheRightSideOfAJoinByDefault() {
    QueryPlan plan = plan("SELECT a.channel, b.n FROM " + EXTERN + " a LEFT JOIN (SELECT channel, COUNT(*) AS n FROM "
        + EXTERN + " GROUP BY channel) b ON a.channel = b.channel");

    StageDefinition last = plan.finalStage();
    assertThat(processors(plan)).containsExactly("groupByPreShuffle", "groupByPostShuffle", "scan");
    assertThat(last.broadcast()).containsExactly(1);
    JoinDataSource join = (JoinDataSource) ((ScanProcessor) last.processor()).query().dataSource();
    assertThat(join.joinType()).isEqualTo(JoinType.LEFT);
    assertThat(join.rightPrefix()).isEqualTo("j0.");
    assertThat(join.condition()).isEqualTo("(\"channel\" == \"j0.d0\")");
    assertThat(PlanJson.toJson(last)).contains("\"input\":[{\"type\":\"external\"").contains("\"broadcast\":[1]");
  }

  @Test
  void plansASortMergeJoinStageOverInputsHashedByTheirKeysWhenAsked() {
    QueryPlan plan = plan("SELECT a.channel, b.added FROM " + EXTERN + " a INNER JOIN " + EXTERN
        + " b ON a.channel = b.channel", Map.of("sqlJoinAlgorithm", "sortMerge"));

    assertThat(processors(plan)).containsExactly("scan", "scan", "sortMergeJoin", "scan");
    assertThat(plan.stages().get(0).shuffleSpec().type()).isEqualTo(ShuffleSpec.Kind.HASH);
    assertThat(plan.stages().get(1).shuffleSpec().clusterBy().columns().get(0).columnName()).isEqualTo("channel");
    SortMergeJoinProcessor join = (SortMergeJoinProcessor) plan.stages().get(2).processor();
    assertThat(join.condition()).isEqualTo("(\"channel\" == \"j0.channel\")");
  }

  @Test
  void fallsBackToBroadcastWhenTheConditionIsNotOnlyColumnEqualities() {
    QueryPlan plan = plan("SELECT a.channel, b.added FROM " + EXTERN + " a INNER JOIN " + EXTERN
        + " b ON a.channel = b.channel AND a.added > b.added", Map.of("sqlJoinAlgorithm", "sortMerge"));

    assertThat(processors(plan)).doesNotContain("sortMergeJoin");
    assertThat(plan.finalStage().broadcast()).containsExactly(1);
  }

  @Test
  void runsRightAndFullJoinsAsSortMergeJoins() {
    for (String type : List.of("RIGHT", "FULL")) {
      QueryPlan plan = plan("SELECT a.channel, b.added FROM " + EXTERN + " a " + type + " JOIN " + EXTERN
          + " b ON a.channel = b.channel");
      assertThat(processors(plan)).contains("sortMergeJoin");
    }
  }

  @Test
  void refusesNonEqualityConditionsOfOuterJoinsAsDruidDoes() {
    assertThatThrownBy(() -> plan("SELECT a.channel FROM " + EXTERN + " a LEFT JOIN " + EXTERN
        + " b ON a.channel = b.channel AND a.added > b.added"))
        .isInstanceOf(DruidException.class)
        .hasMessage("Query could not be planned. A possible reason is [SQL requires a join with 'GREATER_THAN'"
            + " condition that is not supported.]");
  }
}
