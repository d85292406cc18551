package io.msqbeam.translator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.catalog.TableDescriptor;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.QueryGranularity;
import io.msqbeam.translator.plan.PlanJson;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import io.msqbeam.translator.plan.StageDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Druid's rollup query (§1.9): a GROUP BY with {@code finalizeAggregations: false} and
 * {@code groupByEnableMultiValueUnnesting: false} (the two keys MSQ's rollup tests set) plans metrics and rollup.
 */
class RollupPlanningTest {
  private static final String EXTERN = StatementPlannerTest.EXTERN;
  private static final String GROUP_BY = "INSERT INTO w SELECT TIME_FLOOR(TIME_PARSE(\"time\"), 'PT1H') AS __time,"
      + " channel, COUNT(*) AS \"count\", SUM(added) AS sum_added, MAX(added) AS max_added FROM " + EXTERN
      + " GROUP BY 1, 2 PARTITIONED BY DAY";

  private static final Map<String, Object> ROLLUP =
      Map.of("finalizeAggregations", false, "groupByEnableMultiValueUnnesting", false);

  private final StatementPlanner planner = new StatementPlanner(Catalog.empty());

  @Test
  void plansAggregatesAsCombiningMetricsWhenNotFinalized() {
    QueryPlan plan = plan(GROUP_BY, ROLLUP);
    SegmentGeneratorProcessor.DataSchema schema = generator(plan).dataSchema();
    assertThat(schema.rollup()).isTrue();
    assertThat(schema.dimensions()).extracting(ColumnSignature::name).containsExactly("channel");
    assertThat(PlanJson.toJson(schema.metrics())).isEqualTo("[{\"type\":\"longSum\",\"name\":\"count\",\"fieldName\":"
        + "\"count\"},{\"type\":\"longSum\",\"name\":\"sum_added\",\"fieldName\":\"sum_added\"},{\"type\":\"longMax\","
        + "\"name\":\"max_added\",\"fieldName\":\"max_added\"}]");
    assertThat(PlanJson.fromJson(PlanJson.toJson(plan), QueryPlan.class)).isEqualTo(plan);
  }

  @Test
  void storesOnlyCalcitesNullableSumAsASumAndOtherExpressionsOverAggregatesAsDimensions() {
    // SUM(added) reaches the plan as CASE WHEN COUNT(added) = 0 THEN NULL ELSE $SUM0(added) END, matched on the
    // plan (NullableSums); an expression over aggregates, even a look-alike over another column, is no metric.
    QueryPlan plan = plan(GROUP_BY.replace("MAX(added) AS max_added", "SUM(added) + 1 AS plus,"
        + " CASE WHEN COUNT(channel) = 0 THEN NULL ELSE MAX(added) END AS lookalike"), ROLLUP);
    SegmentGeneratorProcessor.DataSchema schema = generator(plan).dataSchema();
    assertThat(schema.metrics()).extracting(m -> m.name()).containsExactly("count", "sum_added");
    assertThat(schema.dimensions()).extracting(ColumnSignature::name).containsExactly("channel", "plus", "lookalike");
  }

  @Test
  void acceptsTheContextValueAsAString() {
    assertThat(generator(plan(GROUP_BY, Map.of("finalizeAggregations", "false",
        "groupByEnableMultiValueUnnesting", "false"))).dataSchema().rollup()).isTrue();
  }

  @Test
  void keepsAggregatesAsDimensionsWhileMultiValueUnnestingIsOn() {
    // SegmentGenerationUtils.isRollupQuery: finalizeAggregations false alone is not a rollup query.
    SegmentGeneratorProcessor.DataSchema schema =
        generator(plan(GROUP_BY, Map.of("finalizeAggregations", false))).dataSchema();
    assertThat(schema.rollup()).isFalse();
    assertThat(schema.metrics()).isEmpty();
  }

  @Test
  void keepsAggregatesAsDimensionsWhenFinalized() {
    SegmentGeneratorProcessor.DataSchema schema = generator(plan(GROUP_BY, Map.of())).dataSchema();
    assertThat(schema.rollup()).isFalse();
    assertThat(schema.metrics()).isEmpty();
    assertThat(schema.dimensions()).extracting(ColumnSignature::name)
        .containsExactly("channel", "count", "sum_added", "max_added");
  }

  @Test
  void doesNotRollUpAScan() {
    QueryPlan plan = plan("INSERT INTO w SELECT TIME_PARSE(\"time\") AS __time, channel FROM " + EXTERN
        + " PARTITIONED BY DAY", ROLLUP);
    assertThat(generator(plan).dataSchema().rollup()).isFalse();
  }

  @Test
  void plansEarliestLatestAndDistinctCountsAsTheirCombiningMetrics() {
    // MSQInsertTest#testRollUpOnFoo1WithTimeFunctionComplexCol: COUNT(DISTINCT) becomes
    // HyperUniquesAggregatorFactory(name, name, false, true); first/last keep their time column and size.
    QueryPlan plan = plan(GROUP_BY.replace("MAX(added) AS max_added", "COUNT(DISTINCT channel) AS channels,"
        + " EARLIEST_BY(channel, TIME_PARSE(\"time\"), 64) AS first_channel,"
        + " LATEST_BY(added, TIME_PARSE(\"time\")) AS last_added"), ROLLUP);
    assertThat(PlanJson.toJson(generator(plan).dataSchema().metrics())).contains(
        "{\"type\":\"hyperUnique\",\"name\":\"channels\",\"fieldName\":\"channels\"}",
        "{\"type\":\"stringFirst\",\"name\":\"first_channel\",\"fieldName\":\"first_channel\",\"timeColumn\":",
        "\"maxBytes\":64}",
        "{\"type\":\"longLast\",\"name\":\"last_added\",\"fieldName\":\"last_added\",\"timeColumn\":");
    // The GROUP BY that feeds the metrics keeps its intermediate values, typed as Druid's complex types.
    StageDefinition post = plan.stages().get(plan.stages().size() - 2);
    assertThat(post.signature()).extracting(c -> c.type().druidName()).contains("COMPLEX<hyperUnique>",
        "COMPLEX<serializablePairLongString>", "COMPLEX<serializablePairLongLong>");
    assertThat(PlanJson.fromJson(PlanJson.toJson(plan), QueryPlan.class)).isEqualTo(plan);
  }

  @Test
  void finalizesTheSameAggregatesWithoutRollup() {
    QueryPlan plan = plan(GROUP_BY.replace("MAX(added) AS max_added", "COUNT(DISTINCT channel) AS channels,"
        + " EARLIEST_BY(channel, TIME_PARSE(\"time\")) AS first_channel"), Map.of());
    StageDefinition post = plan.stages().get(plan.stages().size() - 2);
    assertThat(post.signature()).extracting(c -> c.type().druidName()).doesNotContain("COMPLEX<hyperUnique>",
        "COMPLEX<serializablePairLongString>");
  }

  @Test
  void rejectsAnAggregationWithoutAStoredFormAsAMetric() {
    assertThatThrownBy(() -> plan(GROUP_BY.replace("MAX(added)", "ARRAY_CONCAT_AGG(ARRAY[channel])"), ROLLUP))
        .isInstanceOf(DruidException.class)
        .hasMessageContaining("aggregation [arrayConcatAgg] cannot be stored as a rollup metric");
  }

  /**
   * ANY_VALUE's combining factories are themselves (Druid's Long/Float/DoubleAnyAggregatorFactory and
   * StringAnyAggregatorFactory.getCombiningFactory()), the string one with its size.
   */
  @Test
  void plansAnyValueAsItsOwnCombiningMetric() {
    QueryPlan plan = plan(GROUP_BY.replace("MAX(added) AS max_added", "ANY_VALUE(added) AS any_added,"
        + " ANY_VALUE(channel, 64) AS any_channel"), ROLLUP);
    assertThat(PlanJson.toJson(generator(plan).dataSchema().metrics())).contains(
        "{\"type\":\"longAny\",\"name\":\"any_added\",\"fieldName\":\"any_added\"}",
        "{\"type\":\"stringAny\",\"name\":\"any_channel\",\"fieldName\":\"any_channel\",\"maxBytes\":64}");
  }

  /**
   * Druid's SegmentGenerationUtils.makeGranularitySpecForIngestion: a rollup whose {@code __time} is the one
   * GROUP BY key flooring a table's own {@code __time} writes segments of that query granularity
   * (MSQInsertTest#testRollUpOnFoo1WithTimeFunction: {@code FLOOR(__time TO DAY)} gives DAY); a floor of
   * parsed input (fixture msq-b's kind), two floors, or no rollup give none.
   */
  @Test
  void takesTheQueryGranularityFromTheOneFloorOfATablesTime() {
    StatementPlanner overTable = new StatementPlanner(new Catalog() {
      @Override
      public java.util.Optional<TableDescriptor> table(String dataSource) {
        return dataSource.equals("w") ? java.util.Optional.of(new TableDescriptor("w", java.util.List.of(
            new ColumnSignature("__time", ColumnType.LONG), new ColumnSignature("channel", ColumnType.STRING)),
            java.util.List.of())) : java.util.Optional.empty();
      }

      @Override
      public java.util.List<String> dataSourceNames() {
        return java.util.List.of("w");
      }
    });
    String reingest = "INSERT INTO w2 SELECT %s AS __time, channel, COUNT(*) AS cnt FROM w GROUP BY 1, 2"
        + " PARTITIONED BY DAY";
    assertThat(queryGranularity(overTable, String.format(reingest, "FLOOR(__time TO DAY)"), ROLLUP))
        .isEqualTo(QueryGranularity.period("P1D", "UTC", null));
    assertThat(queryGranularity(overTable, String.format(reingest, "TIME_FLOOR(__time, 'PT1H')"), ROLLUP))
        .isEqualTo(QueryGranularity.period("PT1H", "UTC", null));
    assertThat(queryGranularity(overTable, String.format(reingest,
        "TIME_FLOOR(__time, 'P1D', TIMESTAMP '2000-01-01 06:00:00', 'America/Los_Angeles')"), ROLLUP))
        .isEqualTo(QueryGranularity.period("P1D", "America/Los_Angeles", "2000-01-01T06:00:00Z"));
    assertThat(queryGranularity(overTable, String.format(reingest, "DATE_TRUNC('month', __time)"), ROLLUP))
        .isEqualTo(QueryGranularity.period("P1M", "UTC", null));
    assertThat(queryGranularity(overTable, String.format(reingest, "FLOOR(__time TO DAY)"), Map.of()))
        .isEqualTo(QueryGranularity.NONE);
    assertThat(queryGranularity(overTable, "INSERT INTO w2 SELECT FLOOR(__time TO DAY) AS __time,"
        + " TIME_FLOOR(__time, 'PT1H') AS h, COUNT(*) AS cnt FROM w GROUP BY 1, 2 PARTITIONED BY DAY", ROLLUP))
        .isEqualTo(QueryGranularity.NONE);
    assertThat(generator(plan(GROUP_BY, ROLLUP)).dataSchema().queryGranularity()).isEqualTo(QueryGranularity.NONE);

    QueryPlan plan = overTable.plan(String.format(reingest, "FLOOR(__time TO DAY)"), ROLLUP, "query-q1",
        "2026-01-01T00:00:00.000Z").plan();
    assertThat(PlanJson.toJson(generator(plan).dataSchema())).contains("\"segmentGranularity\":\"DAY\","
        + "\"queryGranularity\":{\"type\":\"period\",\"period\":\"P1D\",\"timeZone\":\"UTC\"},\"rollup\":true");
    assertThat(PlanJson.fromJson(PlanJson.toJson(plan), QueryPlan.class)).isEqualTo(plan);
  }

  private static QueryGranularity queryGranularity(StatementPlanner planner, String sql, Map<String, Object> context) {
    return generator(planner.plan(sql, context, "query-q1", "2026-01-01T00:00:00.000Z").plan()).dataSchema()
        .queryGranularity();
  }

  private QueryPlan plan(String sql, Map<String, Object> context) {
    return planner.plan(sql, context, "query-q1", "2026-01-01T00:00:00.000Z").plan();
  }

  private static SegmentGeneratorProcessor generator(QueryPlan plan) {
    return (SegmentGeneratorProcessor) plan.stages().get(plan.stages().size() - 1).processor();
  }
}
