package io.msqbeam.pipelines.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.pipelines.segment.DruidRuntime;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.planner.StatementPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.druid.math.expr.Expr;
import org.apache.druid.math.expr.ExprMacroTable;
import org.apache.druid.math.expr.InputBindings;
import org.apache.druid.math.expr.Parser;
import org.apache.druid.query.expression.TimestampParseExprMacro;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code timestamp_parse} with the plain ISO shapes read directly must answer exactly as Druid's own
 * macro on every string: the shapes it reads, near misses it must leave to Druid, and random dates.
 */
class FastTimestampParseTest {
  private static final ExprMacroTable DRUID = new ExprMacroTable(List.of(new TimestampParseExprMacro()));
  private static final ExprMacroTable FAST = new ExprMacroTable(List.of(new FastTimestampParseExprMacro()));

  @BeforeAll
  static void druid() {
    DruidRuntime.initialize();
  }

  @Test
  void readsThePlainShapesItselfAndAgreesWithDruid() {
    List<String> plain = List.of("2015-09-12T00:46:58.771Z", "2015-09-12T00:46:58Z",
        "2015-09-12 00:46:58.771", "2015-09-12 00:46:58", "2015-09-12", "2016-02-29T23:59:59.999Z",
        "2000-02-29T00:00:00.000Z", "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z",
        "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "1900-03-01T12:00:00Z");
    for (String value : plain) {
      assertThat(IsoTimestamps.parse(value)).as(value).isNotEqualTo(IsoTimestamps.NOT_READ);
      assertSameAsDruid(value);
    }
  }

  @Test
  void leavesEverythingElseToDruid() {
    List<String> others = List.of("2015-09-12T00:46:58.77Z", "2015-09-12T00:46:58.7712Z", "2015-09-12T00:46Z",
        "2015-09-12T00:46:58+01:00", "2015-09-12T00:46:58.771-0530", "2015-9-12T00:46:58Z", "2015-09-12X00:46:58Z",
        "2015-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2015-04-31", "2015-13-01", "2015-00-10", "2015-01-00",
        "2015-09-12T24:00:00Z", "2015-09-12T23:60:00Z", "2015-09-12T23:59:60Z", "0000-01-01T00:00:00Z",
        "-001-01-01", "20150912", "2015-09-12T", "Z", "2015-09-12Z", "", " 2015-09-12", "2015/09/12", "a015-09-12", "2015-09-12ZZ",
        "2015-09-12T00:46:58.a71Z", "2015-09-12T00:4a:58Z", "12015-09-12T00:46:58Z", "2015-09-12t00:46:58Z");
    for (String value : others) {
      assertThat(IsoTimestamps.parse(value)).as(value).isEqualTo(IsoTimestamps.NOT_READ);
      assertSameAsDruid(value);
    }
  }

  @Test
  void agreesWithDruidOnRandomDatesInEveryShape() {
    Random random = new Random(42);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String date = String.format("%04d-%02d-%02d", 1 + random.nextInt(9999), random.nextInt(14), random.nextInt(33));
      String time = String.format("%02d:%02d:%02d", random.nextInt(25), random.nextInt(61), random.nextInt(61));
      String millis = String.format(".%03d", random.nextInt(1000));
      values.add(switch (random.nextInt(6)) {
        case 0 -> date;
        case 1 -> date + "T" + time + "Z";
        case 2 -> date + " " + time;
        case 3 -> date + "T" + time + millis;
        case 4 -> date + "T" + time + millis + "Z";
        default -> date + "Z";
      });
    }
    for (String value : values) {
      assertSameAsDruid(value);
    }
  }

  @Test
  void nullStaysNullAndFormsWithAFormatOrZoneAreDruidsOwn() {
    assertThat(eval(FAST, "timestamp_parse(t)", null)).isNull();
    for (String expression : List.of("timestamp_parse(t, 'yyyy-MM-dd HH:mm:ss')",
        "timestamp_parse(t, null, 'America/Los_Angeles')")) {
      assertThat(eval(FAST, expression, "2015-09-12 00:46:58")).isEqualTo(eval(DRUID, expression, "2015-09-12 00:46:58"));
    }
    assertThat(Parser.parse("timestamp_parse(t)", FAST).stringify())
        .isEqualTo(Parser.parse("timestamp_parse(t)", DRUID).stringify());
  }

  @Test
  void theFormThePlannerWritesForTimeParseTakesTheFastPath() {
    // What TIME_PARSE("t") becomes under the default sqlTimeZone; a fast path only the one-argument
    // form took never ran in an ingestion.
    String planned = new StatementPlanner(Catalog.empty())
        .plan("SELECT TIME_PARSE(t) AS x FROM TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"\"}',"
            + "'{\"type\":\"json\"}','[{\"name\":\"t\",\"type\":\"string\"}]'))",
            Map.of(), "query-q", "2024-01-01T00:00:00.000Z")
        .plan().stages().get(0).processor() instanceof ScanProcessor scan
        ? scan.query().virtualColumns().get(0).expression() : null;
    assertThat(planned).isEqualTo("timestamp_parse(\"t\",null,'UTC')");
    for (String expression : List.of(planned, "timestamp_parse(t,null)", "timestamp_parse(t,null,null)",
        "timestamp_parse(t,null,'Etc/UTC')")) {
      assertThat(Parser.parse(expression, FAST)).as(expression).isInstanceOf(FastTimestampParseExprMacro.Parse.class);
      for (String value : List.of("2015-09-12T00:46:58.771Z", "2015-09-12 00:46:58", "2015-09-12Z", "x")) {
        assertThat(eval(FAST, expression.replace("\"t\"", "t"), value))
            .isEqualTo(eval(DRUID, expression.replace("\"t\"", "t"), value));
      }
    }
    for (String expression : List.of("timestamp_parse(t,'yyyy')", "timestamp_parse(t,null,'America/Los_Angeles')",
        "timestamp_parse(t,null,'+01:00')")) {
      assertThat(Parser.parse(expression, FAST)).as(expression).isNotInstanceOf(FastTimestampParseExprMacro.Parse.class);
    }
  }

  private static void assertSameAsDruid(String value) {
    assertThat(eval(FAST, "timestamp_parse(t)", value)).as(value).isEqualTo(eval(DRUID, "timestamp_parse(t)", value));
  }

  private static Object eval(ExprMacroTable macros, String expression, String value) {
    Expr expr = Parser.parse(expression, macros);
    return expr.eval(InputBindings.forMap(value == null ? java.util.Map.of() : java.util.Map.of("t", value))).value();
  }
}
