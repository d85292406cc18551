package io.msqbeam.translator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InlineInputSource;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.ScanProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A SELECT without FROM and a VALUES list read their rows as inline JSON, as Druid reads an inline
 * data source: one scan stage over an {@code inline} input.
 */
class ValuesPlanningTest {
  private final StatementPlanner planner = new StatementPlanner(Catalog.empty());

  private QueryPlan plan(String sql, Map<String, Object> context) {
    return planner.plan(sql, context, "query-v1", "2026-01-01T00:00:00.000Z").plan();
  }

  private static String inlineData(QueryPlan plan) {
    ExternalInputSpec input = (ExternalInputSpec) plan.stages().get(0).input().get(0);
    return ((InlineInputSource) input.inputSource()).data();
  }

  @Test
  void plansASelectWithoutFromAsAScanOfOneInlineRow() {
    QueryPlan plan = plan("SELECT 1 + 1, 'a' || 'b' AS s", Map.of());

    assertThat(plan.stages()).hasSize(1);
    assertThat(plan.stages().get(0).processor()).isInstanceOf(ScanProcessor.class);
    assertThat(inlineData(plan).lines()).hasSize(1);
  }

  @Test
  void writesEachValuesRowAsOneJsonLineInDruidTypes() {
    QueryPlan plan = plan("SELECT * FROM (VALUES (1, 'x', TRUE, 2.5, TIMESTAMP '2000-01-02 03:04:05', NULL),"
        + " (2, 'y''s', FALSE, 3, TIMESTAMP '2000-01-01 00:00:00', 'n')) AS t(a, b, c, d, ts, e)", Map.of());

    assertThat(inlineData(plan)).isEqualTo(
        "{\"a\":1,\"b\":\"x\",\"c\":1,\"d\":2.5,\"ts\":946782245000,\"e\":null}\n"
            + "{\"a\":2,\"b\":\"y's\",\"c\":0,\"d\":3.0,\"ts\":946684800000,\"e\":\"n\"}\n");
  }

  @Test
  void readsTimestampLiteralsInTheSqlTimeZone() {
    QueryPlan plan = plan("SELECT * FROM (VALUES (TIMESTAMP '2000-01-01 00:00:00')) AS t(ts)",
        Map.of("sqlTimeZone", "America/Los_Angeles"));

    assertThat(inlineData(plan)).isEqualTo("{\"ts\":946713600000}\n");
  }
}
