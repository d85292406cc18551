package io.msqbeam.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegacyQueryErrorBodyTest {
  @Test
  void writesACancelledQueryAsTheDruidFixtureByteForByte() throws Exception {
    // Fixture sql-cancel.running-query-response (host is the server that ran the query).
    LegacyQueryException cancelled = LegacyQueryException.cancelled("localhost:8083");
    assertThat(LegacyQueryErrorBody.httpStatus(cancelled)).isEqualTo(500);
    assertThat(SelectFixtureRows.JSON.writeValueAsString(LegacyQueryErrorBody.of(cancelled))).isEqualTo(
        "{\"error\":\"Query cancelled\",\"errorClass\":\"java.util.concurrent.CancellationException\","
            + "\"host\":\"localhost:8083\",\"errorCode\":\"legacyQueryException\",\"persona\":\"OPERATOR\","
            + "\"category\":\"CANCELED\",\"errorMessage\":\"Task was cancelled.\",\"context\":{\"host\":\"localhost:8083\","
            + "\"errorClass\":\"java.util.concurrent.CancellationException\",\"legacyErrorCode\":\"Query cancelled\"}}");
  }

  @Test
  void answersATimeoutWith504AndDruidsTimeoutClass() throws Exception {
    LegacyQueryException timedOut = LegacyQueryException.timedOut("q1", "localhost:8888");
    assertThat(LegacyQueryErrorBody.httpStatus(timedOut)).isEqualTo(504);
    assertThat(SelectFixtureRows.JSON.writeValueAsString(LegacyQueryErrorBody.of(timedOut))).isEqualTo(
        "{\"error\":\"Query timeout\",\"errorClass\":\"org.apache.druid.query.QueryTimeoutException\","
            + "\"host\":\"localhost:8888\",\"errorCode\":\"legacyQueryException\",\"persona\":\"OPERATOR\","
            + "\"category\":\"TIMEOUT\",\"errorMessage\":\"Query [q1] timed out!\",\"context\":{\"host\":\"localhost:8888\","
            + "\"errorClass\":\"org.apache.druid.query.QueryTimeoutException\",\"legacyErrorCode\":\"Query timeout\"}}");
  }
}
