package io.msqbeam.translator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.plan.PlanJson;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.WindowFunction;
import io.msqbeam.translator.plan.WindowProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Window functions beyond ranking (LAG/LEAD, FIRST/LAST_VALUE, NTILE, PERCENT_RANK, CUME_DIST) and
 * framed aggregates, planned as Druid's {@code Windowing} does; frames Druid's validator refuses are
 * refused with its messages (Druid's {@code DruidSqlValidator#validateWindow}).
 */
class WindowPlanningTest {
  private static final String EXTERN = StatementPlannerTest.EXTERN;

  private final StatementPlanner planner = new StatementPlanner(Catalog.empty());

  private QueryPlan plan(String sql, Map<String, Object> context) {
    return planner.plan(sql, context, "query-q1", "2026-01-01T00:00:00.000Z").plan();
  }

  private WindowProcessor window(String sql) {
    QueryPlan plan = plan(sql, Map.of());
    assertThat(PlanJson.fromJson(PlanJson.toJson(plan), QueryPlan.class)).isEqualTo(plan);
    return plan.stages().stream().map(s -> s.processor()).filter(WindowProcessor.class::isInstance)
        .map(WindowProcessor.class::cast).findFirst().orElseThrow();
  }

  @Test
  void plansLagAndLeadAsSignedOffsetsIgnoringTheDefaultAsDruidDoes() {
    WindowProcessor window = window("SELECT channel, LAG(added) OVER (ORDER BY added) AS a,"
        + " LEAD(channel, 2, 'none') OVER (ORDER BY added) AS b FROM " + EXTERN);

    assertThat(window.functions()).extracting(WindowFunction::type, WindowFunction::inputColumn,
        WindowFunction::argument).containsExactly(
            org.assertj.core.groups.Tuple.tuple(WindowFunction.Kind.OFFSET, "added", -1),
            org.assertj.core.groups.Tuple.tuple(WindowFunction.Kind.OFFSET, "channel", 2));
  }

  @Test
  void plansRowsAndRangeFramesWithSignedOffsets() {
    WindowProcessor rows = window("SELECT SUM(added) OVER (ORDER BY added ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING)"
        + " AS s FROM " + EXTERN);
    WindowProcessor range = window("SELECT COUNT(*) OVER (ORDER BY channel RANGE BETWEEN CURRENT ROW AND"
        + " UNBOUNDED FOLLOWING) AS c FROM " + EXTERN);

    assertThat(rows.functions().get(0).frame())
        .isEqualTo(new WindowFunction.Frame(WindowFunction.PeerType.ROWS, -3, 1));
    assertThat(range.functions().get(0).frame())
        .isEqualTo(new WindowFunction.Frame(WindowFunction.PeerType.GROUPS, 0, null));
  }

  @Test
  void plansNtileWithItsBucketCount() {
    WindowProcessor window = window("SELECT NTILE(4) OVER (ORDER BY added) AS t, PERCENT_RANK() OVER (ORDER BY added)"
        + " AS p, CUME_DIST() OVER (ORDER BY added) AS c FROM " + EXTERN);

    assertThat(window.functions()).extracting(WindowFunction::type).containsExactly(WindowFunction.Kind.NTILE,
        WindowFunction.Kind.PERCENT_RANK, WindowFunction.Kind.CUME_DIST);
    assertThat(window.functions().get(0).argument()).isEqualTo(4);
  }

  @Test
  void refusesARangeFrameWithOffsetsUnlessStrictValidationIsOff() {
    String sql = "SELECT COUNT(*) OVER (ORDER BY added RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS c FROM "
        + EXTERN;

    assertThatThrownBy(() -> plan(sql, Map.of()))
        .isInstanceOf(DruidException.class)
        .hasMessageStartingWith("The query contains a window frame which may return incorrect results. To disregard"
            + " this warning, set [windowingStrictValidation] to false in the query context. (line [1], column [");
    assertThat(plan(sql, Map.of("windowingStrictValidation", false)).stages()).isNotEmpty();
  }

  @Test
  void refusesAFrameWhollyBeforeOrAfterTheRowAsDruidsValidatorDoes() {
    for (String frame : List.of("ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING", "ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING")) {
      assertThatThrownBy(() -> plan("SELECT SUM(added) OVER (ORDER BY added " + frame + ") AS s FROM " + EXTERN,
          Map.of()))
          .isInstanceOf(DruidException.class)
          .hasMessageStartingWith("Query bounds with both lower and upper bounds as PRECEDING or FOLLOWING is not"
              + " supported. (line [1], column [");
    }
    // An unbounded end is no offset: Druid runs these.
    assertThat(plan("SELECT SUM(added) OVER (ORDER BY added ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS s,"
        + " SUM(added) OVER (ORDER BY added ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS t FROM " + EXTERN,
        Map.of()).stages()).isNotEmpty();
  }

  @Test
  void refusesTheNullOrdersDruidCannotSortByInWindowsAndQueries() {
    // DruidSqlValidator.validateCall: nulls come first ascending and last descending, nothing else.
    assertThatThrownBy(() -> plan("SELECT RANK() OVER (ORDER BY channel DESC NULLS FIRST) AS r FROM " + EXTERN,
        Map.of()))
        .isInstanceOf(DruidException.class)
        .hasMessageStartingWith("DESCENDING ordering with NULLS FIRST is not supported! (line [1], column [");
    assertThatThrownBy(() -> plan("SELECT channel FROM " + EXTERN + " ORDER BY channel NULLS LAST", Map.of()))
        .isInstanceOf(DruidException.class)
        .hasMessageStartingWith("ASCENDING ordering with NULLS LAST is not supported! (line [1], column [");
    assertThat(plan("SELECT RANK() OVER (ORDER BY channel NULLS FIRST) AS r FROM " + EXTERN
        + " ORDER BY channel DESC NULLS LAST", Map.of()).stages()).isNotEmpty();
  }

  @Test
  void refusesFramingNtileAndFramingFirstValueWithOffsets() {
    assertThatThrownBy(() -> plan("SELECT NTILE(2) OVER (ORDER BY added ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)"
        + " AS t FROM " + EXTERN, Map.of()))
        .isInstanceOf(DruidException.class)
        .hasMessageStartingWith("Framing of NTILE is not supported.");
    assertThatThrownBy(() -> plan("SELECT FIRST_VALUE(added) OVER (ORDER BY added ROWS BETWEEN 1 PRECEDING AND"
        + " CURRENT ROW) AS f FROM " + EXTERN, Map.of()))
        .isInstanceOf(DruidException.class)
        .hasMessageStartingWith("Framing of FIRST_VALUE/LAST_VALUE is only allowed with UNBOUNDED or CURRENT ROW.");
  }
}
