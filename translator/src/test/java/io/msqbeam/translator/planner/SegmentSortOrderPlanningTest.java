package io.msqbeam.translator.planner;

import static io.msqbeam.translator.planner.StatementPlannerTest.EXTERN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The segment sort order of an ingestion ({@code segmentSortOrder}, {@code forceSegmentSortByTime},
 * CLUSTERED BY), with the orders and messages of Druid's MSQ ({@code SegmentGenerationUtils},
 * {@code DruidSqlValidator.validateSortOrderBeginsWithTimeIfRequired},
 * {@code MSQTaskQueryMakerUtils.validateContextSortOrderColumnsExist}, {@code decodeSortOrder}).
 */
class SegmentSortOrderPlanningTest {
  private static final String SELECT = "SELECT TIME_PARSE(\"time\") AS __time, channel, added FROM " + EXTERN;
  private static final String WARNING = "Warning: support for segments not sorted by[__time] is experimental. Such"
      + " segments are not readable by older version of Druid, and certain queries cannot run on them. See"
      + " https://druid.apache.org/docs/latest/ingestion/partitioning#sorting for details before setting"
      + " forceSegmentSortByTime to[false].";

  private final StatementPlanner planner = new StatementPlanner(Catalog.empty());

  @Test
  void sortsByTimeThenClusteredByByDefault() {
    assertThat(dimensions("REPLACE INTO w OVERWRITE ALL " + SELECT + " PARTITIONED BY DAY CLUSTERED BY added",
        Map.of())).containsExactly("added", "channel");
  }

  @Test
  void putsTheContextSortOrderBeforeClusteredBy() {
    assertThat(dimensions("INSERT INTO w " + SELECT + " PARTITIONED BY DAY CLUSTERED BY added",
        Map.of("segmentSortOrder", "__time, channel"))).containsExactly("channel", "added");
    assertThat(dimensions("INSERT INTO w " + SELECT + " PARTITIONED BY DAY",
        Map.of("segmentSortOrder", "[\"__time\",\"added\"]"))).containsExactly("added", "channel");
  }

  @Test
  void keepsTimeAmongTheDimensionsWhenItDoesNotSortFirst() {
    SegmentGeneratorProcessor generator = generator("INSERT INTO w " + SELECT + " PARTITIONED BY DAY CLUSTERED BY"
        + " channel", Map.of("forceSegmentSortByTime", false));
    assertThat(generator.dataSchema().dimensions()).containsExactly(
        new ColumnSignature("channel", io.msqbeam.translator.plan.ColumnType.STRING),
        new ColumnSignature("__time", io.msqbeam.translator.plan.ColumnType.LONG),
        new ColumnSignature("added", io.msqbeam.translator.plan.ColumnType.LONG));
    assertThat(generator.dataSchema().forceSegmentSortByTime()).isFalse();
    assertThat(dimensions("INSERT INTO w " + SELECT + " PARTITIONED BY DAY CLUSTERED BY channel, __time",
        Map.of("forceSegmentSortByTime", "false", "segmentSortOrder", "added"))).containsExactly("added", "channel",
        "__time");
  }

  @Test
  void sortsByTimeFirstWhenTimeComesFirstAnyway() {
    SegmentGeneratorProcessor generator = generator("INSERT INTO w " + SELECT + " PARTITIONED BY DAY",
        Map.of("forceSegmentSortByTime", false));
    assertThat(generator.dataSchema().forceSegmentSortByTime()).isTrue();
    assertThat(names(generator)).containsExactly("channel", "added");
  }

  @Test
  void rangePartitionsByClusteredByWhateverTheSortOrder() {
    SegmentGeneratorProcessor generator = generator("REPLACE INTO w OVERWRITE ALL " + SELECT
        + " PARTITIONED BY DAY CLUSTERED BY channel", Map.of("segmentSortOrder", "__time,added"));
    assertThat(names(generator)).containsExactly("added", "channel");
    assertThat(generator.rangeDimensions()).containsExactly("channel");
  }

  @Test
  void rejectsASortOrderNotStartingWithTimeUnlessTimeSortIsOff() {
    assertThatThrownBy(() -> plan("INSERT INTO w " + SELECT + " PARTITIONED BY DAY", Map.of("segmentSortOrder",
        "channel,__time")))
        .isInstanceOfSatisfying(DruidException.class, e -> assertThat(e.getMessage()).isEqualTo(
            "Context parameter[segmentSortOrder] must start with[__time] unless context parameter"
                + "[forceSegmentSortByTime] is set to[false]. " + WARNING));
  }

  @Test
  void rejectsTimeLaterInClusteredByUnlessTimeSortIsOff() {
    assertThatThrownBy(() -> plan("INSERT INTO w " + SELECT + " PARTITIONED BY DAY CLUSTERED BY channel, __time",
        Map.of()))
        .isInstanceOfSatisfying(DruidException.class, e -> assertThat(e.getMessage()).isEqualTo(
            "Sort order (CLUSTERED BY) cannot include[__time] in position[1] unless context parameter"
                + "[forceSegmentSortByTime] is set to[false]. " + WARNING));
  }

  @Test
  void rejectsASortOrderColumnMissingFromTheOutput() {
    assertThatThrownBy(() -> plan("INSERT INTO w " + SELECT + " PARTITIONED BY DAY",
        Map.of("segmentSortOrder", "__time,page")))
        .isInstanceOfSatisfying(DruidException.class, e -> assertThat(e.getMessage()).isEqualTo(
            "Column[page] from context parameter[segmentSortOrder] does not appear in the query output"));
  }

  @Test
  void readsTheSortOrderAsDruidDecodesIt() {
    // MultiStageQueryContextTest: "a, b,\"c,d\"" and the JSON array both decode to [a, b, c,d]; "[[" is refused.
    assertThat(SegmentSortOrder.of(Map.of("segmentSortOrder", " a, b,\"c,d\"")).contextOrder())
        .containsExactly("a", "b", "c,d");
    assertThat(SegmentSortOrder.of(Map.of("segmentSortOrder", " [\"a\", \"b\", \"c,d\"] ")).contextOrder())
        .containsExactly("a", "b", "c,d");
    assertThat(SegmentSortOrder.of(Map.of("segmentSortOrder", "")).contextOrder()).isEmpty();
    assertThat(SegmentSortOrder.of(Map.of("segmentSortOrder", "[]")).contextOrder()).isEmpty();
    assertThatThrownBy(() -> SegmentSortOrder.of(Map.of("segmentSortOrder", "[[")))
        .isInstanceOfSatisfying(DruidException.class, e -> assertThat(e.getMessage())
            .isEqualTo("Expected key [segmentSortOrder] to be CSV or JSON array, but got [[[]"));
  }

  private List<String> dimensions(String sql, Map<String, Object> context) {
    return names(generator(sql, context));
  }

  private static List<String> names(SegmentGeneratorProcessor generator) {
    return generator.dataSchema().dimensions().stream().map(ColumnSignature::name).toList();
  }

  private SegmentGeneratorProcessor generator(String sql, Map<String, Object> context) {
    QueryPlan plan = plan(sql, context);
    return (SegmentGeneratorProcessor) plan.finalStage().processor();
  }

  private QueryPlan plan(String sql, Map<String, Object> context) {
    return planner.plan(sql, context, "query-q1", "2026-01-01T00:00:00.000Z").plan();
  }
}
