package io.msqbeam.translator.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.error.DruidException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionGranularityTest {
  private static final String EXPECTED_LIST = "Expected 'SECOND', 'MINUTE', 'FIVE_MINUTE', 'TEN_MINUTE', 'FIFTEEN_MINUTE',"
      + " 'THIRTY_MINUTE', 'HOUR', 'SIX_HOUR', 'EIGHT_HOUR', 'DAY', 'MONTH', 'QUARTER', 'YEAR', 'ALL', ALL TIME, FLOOR()"
      + " or TIME_FLOOR()";

  @ParameterizedTest(name = "PARTITIONED BY {0} is {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "HOUR | PT1H | HOUR",
      "DAY | P1D | DAY",
      "MONTH | P1M | MONTH",
      "YEAR | P1Y | YEAR",
      "FIFTEEN_MINUTE | PT15M | FIFTEEN_MINUTE",
      "\"SECOND\" | PT1S | SECOND",
      "'PT1H' | PT1H | HOUR",
      "'pt1h' | PT1H | HOUR",
      "'P1D' | P1D | DAY",
      "'P1DT0H' | P1D | DAY",
      "'day' | P1D | DAY",
      "'FIFTEEN_MINUTE' | PT15M | FIFTEEN_MINUTE",
      "'SECOND' | PT1S | SECOND",
      "'EIGHT_HOUR' | PT8H | EIGHT_HOUR",
      "'PT8H' | PT8H | EIGHT_HOUR",
      "'week' | P1W | WEEK",
      "'QUARTER' | P3M | QUARTER",
      "'P3M' | P3M | QUARTER",
      "FLOOR(__time TO SECOND) | PT1S | SECOND",
      "FLOOR(__time TO MINUTE) | PT1M | MINUTE",
      "FLOOR(__time TO HOUR) | PT1H | HOUR",
      "FLOOR(__time TO DAY) | P1D | DAY",
      "FLOOR(__time TO WEEK) | P1W | WEEK",
      "FLOOR(__time TO MONTH) | P1M | MONTH",
      "FLOOR(__time TO QUARTER) | P3M | QUARTER",
      "FLOOR(__time TO YEAR) | P1Y | YEAR",
      "TIME_FLOOR(__time, 'PT1H') | PT1H | HOUR",
      "time_floor(__time, 'PT5M') | PT5M | FIVE_MINUTE",
      "TIME_FLOOR(__time, 'PT10M') | PT10M | TEN_MINUTE",
      "TIME_FLOOR(__time, 'PT30M') | PT30M | THIRTY_MINUTE",
      "TIME_FLOOR(__time, 'PT6H') | PT6H | SIX_HOUR",
  })
  void acceptsStandardGranularities(String sql, String period, String druidName) {
    PartitionGranularity granularity = granularity(sql);

    assertThat(granularity.period()).isEqualTo(period);
    assertThat(granularity.isAll()).isFalse();
    assertThat(granularity.druidName()).isEqualTo(druidName);
  }

  @ParameterizedTest(name = "PARTITIONED BY {0} is ALL")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"ALL", "ALL TIME", "'ALL'", "'all'", "\"ALL\""})
  void acceptsAllInEveryForm(String sql) {
    PartitionGranularity granularity = granularity(sql);

    assertThat(granularity).isEqualTo(PartitionGranularity.ALL);
    assertThat(granularity.isAll()).isTrue();
    assertThat(granularity.period()).isNull();
    assertThat(granularity.druidName()).isEqualTo("ALL");
  }

  @Test
  void rejectsTimeFloorWithTwoHourPeriod() {
    assertRejected("time_floor(__time, 'PT2H')",
        "Invalid granularity[`time_floor`(`__time`, 'PT2H')] specified after PARTITIONED BY clause. " + EXPECTED_LIST);
  }

  @Test
  void rejectsUnknownGranularityLiteral() {
    assertRejected("'invalid_granularity'",
        "Invalid granularity['invalid_granularity'] specified after PARTITIONED BY clause. " + EXPECTED_LIST);
  }

  @Test
  void rejectsNonStandardPeriodLiteral() {
    assertRejected("'PT24H'", "Invalid granularity['PT24H'] specified after PARTITIONED BY clause. " + EXPECTED_LIST);
  }

  @Test
  void rejectsNoneGranularity() {
    assertRejected("'NONE'", "Invalid granularity['NONE'] specified after PARTITIONED BY clause. " + EXPECTED_LIST);
  }

  @Test
  void rejectsNumericLiteral() {
    assertRejected("1", "Invalid granularity[1] specified after PARTITIONED BY clause. " + EXPECTED_LIST);
  }

  @Test
  void rejectsUnknownIdentifier() {
    assertRejected("dim1", "Invalid granularity[dim1] specified after PARTITIONED BY clause. " + EXPECTED_LIST);
  }

  @Test
  void rejectsOtherFunctions() {
    assertRejected("CEIL(__time TO DAY)", "Invalid operator[CEIL] specified. PARTITIONED BY clause only supports"
        + " FLOOR(__time TO <unit>) and TIME_FLOOR(__time, period) functions.");
  }

  @Test
  void rejectsTimeFloorWithThreeArguments() {
    assertRejected("TIME_FLOOR(__time, 'PT1H', 'x')",
        "TIME_FLOOR in PARTITIONED BY clause must have 2 arguments, but only [3] provided.");
  }

  @Test
  void rejectsTimeFloorOfAnotherColumn() {
    assertRejected("TIME_FLOOR(dim1, 'PT1H')",
        "Invalid argument[dim1] provided. The first argument to TIME_FLOOR in PARTITIONED BY clause must be __time.");
  }

  @Test
  void rejectsFloorOfALiteral() {
    assertRejected("FLOOR('x' TO DAY)",
        "Invalid argument type[LITERAL] provided. The first argument to FLOOR in PARTITIONED BY clause must be __time.");
  }

  @Test
  void rejectsTimeFloorWithANonLiteralPeriod() {
    assertRejected("TIME_FLOOR(__time, dim1)", "Invalid argument[IDENTIFIER] provided. The second argument to TIME_FLOOR"
        + " in PARTITIONED BY clause must be a period like 'PT1H'.");
  }

  @Test
  void rejectsTimeFloorWithAnUnparsablePeriod() {
    assertRejected("TIME_FLOOR(__time, 'abc')", "granularity['abc'] is an invalid period literal.");
  }

  @Test
  void rejectsFloorToAMillisecond() {
    assertRejected("FLOOR(__time TO MILLISECOND)", "MILLISECOND is not a valid period granularity for ingestion.");
  }

  @Test
  void rejectsFloorWithoutAUnit() {
    assertRejected("FLOOR(__time)", "FLOOR in PARTITIONED BY clause must have 2 arguments, but only [1] provided.");
  }

  @Test
  void rejectsNonStandardPeriodAsAValue() {
    assertThatThrownBy(() -> PartitionGranularity.ofPeriod("PT2H")).isInstanceOf(IllegalArgumentException.class);
    assertThat(PartitionGranularity.ofPeriod("P1W").druidName()).isEqualTo("WEEK");
  }

  private static PartitionGranularity granularity(String sql) {
    DruidSqlInsert insert = (DruidSqlInsert) DruidSqlParser.parse("INSERT INTO dst SELECT * FROM foo PARTITIONED BY " + sql);
    return PartitionGranularity.fromSqlNode(insert.getPartitionedBy());
  }

  private static void assertRejected(String sql, String message) {
    assertThatThrownBy(() -> granularity(sql))
        .isInstanceOfSatisfying(DruidException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(message);
          assertThat(e.errorCode()).isEqualTo("invalidInput");
          assertThat(e.category().httpStatus()).isEqualTo(400);
          assertThat(e.context()).isEqualTo(Map.of("sourceType", "sql"));
        });
  }
}
