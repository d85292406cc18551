package io.msqbeam.translator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.plan.DataSourceDestination;
import io.msqbeam.translator.plan.PlanJson;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementPlannerTest {
  static final String SIGNATURE = "[{\"name\":\"time\",\"type\":\"string\"},{\"name\":\"channel\",\"type\":\"string\"},"
      + "{\"name\":\"added\",\"type\":\"long\"}]";
  static final String EXTERN = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"x\"}','{\"type\":\"json\"}','"
      + SIGNATURE + "'))";

  private final StatementPlanner planner = new StatementPlanner(Catalog.empty());

  private PlannedStatement plan(String sql) {
    return planner.plan(sql, Map.of(), "query-q1", "2026-01-01T00:00:00.000Z");
  }

  @Test
  void plansInsertAsScanThenSegmentGenerator() {
    PlannedStatement statement = plan(
        "INSERT INTO wikipedia SELECT TIME_PARSE(\"time\") AS __time, * FROM " + EXTERN + " PARTITIONED BY DAY");
    QueryPlan plan = statement.plan();
    assertThat(statement.kind()).isEqualTo(PlannedStatement.Kind.INSERT);
    assertThat(plan.stages()).hasSize(2);
    ScanProcessor scan = (ScanProcessor) plan.stages().get(0).processor();
    assertThat(scan.query().virtualColumns().get(0).expression()).isEqualTo("timestamp_parse(\"time\",null,'UTC')");
    assertThat(scan.query().columns()).containsExactly("v0", "time", "channel", "added");
    SegmentGeneratorProcessor generator = (SegmentGeneratorProcessor) plan.stages().get(1).processor();
    assertThat(generator.columnMappings().get(0).outputColumn()).isEqualTo("__time");
    assertThat(((DataSourceDestination) plan.destination()).segmentGranularity()).isEqualTo("DAY");
  }

  @Test
  void planSurvivesJsonRoundTrip() {
    QueryPlan plan = plan("INSERT INTO w SELECT TIME_PARSE(\"time\") AS __time, channel, SUM(added) AS s FROM "
        + EXTERN + " GROUP BY 1, 2 PARTITIONED BY HOUR").plan();
    String json = PlanJson.toJson(plan);
    assertThat(PlanJson.fromJson(json, QueryPlan.class)).isEqualTo(plan);
    assertThat(PlanJson.toJson(PlanJson.fromJson(json, QueryPlan.class))).isEqualTo(json);
  }

  @Test
  void plansGroupByWithOrderAndLimitAsThreeStages() {
    QueryPlan plan = plan("SELECT channel, COUNT(*) AS c FROM " + EXTERN + " GROUP BY 1 ORDER BY 2 DESC LIMIT 10").plan();
    assertThat(plan.stages()).extracting(s -> s.processor().getClass().getSimpleName())
        .containsExactly("GroupByPreShuffleProcessor", "GroupByPostShuffleProcessor", "LimitProcessor");
  }

  @Test
  void acceptsPercentAsModulo() {
    QueryPlan plan = plan("SELECT added % 3 AS m FROM " + EXTERN + " GROUP BY 1").plan();
    assertThat(PlanJson.toJson(plan)).contains("(\\\"added\\\" % 3)");
  }

  @Test
  void rejectsInsertWithoutPartitionedBy() {
    assertThatThrownBy(() -> plan("INSERT INTO w SELECT * FROM " + EXTERN))
        .isInstanceOf(DruidException.class)
        .hasMessage("Operation [INSERT] requires a PARTITIONED BY to be explicitly defined, but none was found.");
  }

  @Test
  void rejectsUnknownColumnWithPosition() {
    assertThatThrownBy(() -> plan("SELECT\n no_such_column FROM " + EXTERN))
        .isInstanceOf(DruidException.class)
        .hasMessage("Column 'no_such_column' not found in any table (line [2], column [2])")
        .satisfies(e -> assertThat(((DruidException) e).context()).containsEntry("line", "2"));
  }

  @Test
  void rejectsUnknownTable() {
    assertThatThrownBy(() -> plan("SELECT * FROM no_such_table"))
        .isInstanceOf(DruidException.class)
        .hasMessage("Object 'no_such_table' not found (line [1], column [15])");
  }
}
