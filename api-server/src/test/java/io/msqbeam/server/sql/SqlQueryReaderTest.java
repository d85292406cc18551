package io.msqbeam.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.server.http.InvalidRequestBodyException;
import io.msqbeam.server.http.LegacyErrorBody;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SqlQueryReaderTest {
  private final SqlQueryReader reader = new SqlQueryReader(SelectFixtureRows.JSON);

  private String errorBody(String requestBody) throws Exception {
    try {
      reader.read(requestBody.getBytes(StandardCharsets.UTF_8));
    } catch (InvalidRequestBodyException e) {
      return SelectFixtureRows.JSON.writeValueAsString(LegacyErrorBody.of(e));
    }
    throw new AssertionError("no error for " + requestBody);
  }

  @Test
  void readsOnlyAQueryWithDruidsDefaults() {
    SqlQuery query = reader.read("{\"query\":\"SELECT 1\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(query.resultFormat()).isEqualTo(ResultFormat.OBJECT);
    assertThat(query.resultHeader()).isEqualTo(ResultHeader.NONE);
    assertThat(query.context()).isEmpty();
    assertThat(query.parameters()).isEmpty();
  }

  @Test
  void readsResultFormatNamesCaseInsensitivelyAsDruid() {
    assertThat(reader.read("{\"query\":\"x\",\"resultFormat\":\"objectLines\"}".getBytes(StandardCharsets.UTF_8))
        .resultFormat()).isEqualTo(ResultFormat.OBJECTLINES);
    assertThat(reader.read("{\"query\":\"x\",\"resultFormat\":\"CSV\"}".getBytes(StandardCharsets.UTF_8))
        .resultFormat()).isEqualTo(ResultFormat.CSV);
  }

  @Test
  void rejectsAnUnknownResultFormatWithTheRoutersBodyByteForByte() throws Exception {
    // Fixture sql-error.bad-result-format: the request as Python's json.dumps wrote it.
    assertThat(errorBody("{\"query\": \"SELECT 1\", \"resultFormat\": \"xml\"}")).isEqualTo(
        "{\"error\":\"Unknown exception\",\"errorMessage\":\"Cannot construct instance of "
            + "`org.apache.druid.sql.http.ResultFormat`, problem: No enum constant "
            + "org.apache.druid.sql.http.ResultFormat.XML\\n at [Source: (org.eclipse.jetty.server.HttpInputOverHTTP); "
            + "line: 1, column: 39] (through reference chain: org.apache.druid.sql.http.SqlQuery[\\\"resultFormat\\\"])\","
            + "\"errorClass\":\"com.fasterxml.jackson.databind.exc.ValueInstantiationException\",\"host\":null}");
  }

  @Test
  void rejectsTypesHeaderWithoutHeaderWithTheRoutersBodyByteForByte() throws Exception {
    String request = "{\"query\": \"SELECT __time, channel, cityName, comment, added, CAST(delta AS DOUBLE) AS delta_d, "
        + "isRobot\\nFROM wikipedia\\nWHERE __time IN (TIMESTAMP '2015-09-12 00:46:58.771', TIMESTAMP '2015-09-12 "
        + "00:47:00.496', TIMESTAMP '2015-09-12 01:25:09.876')\\nORDER BY __time\", \"resultFormat\": \"object\", "
        + "\"header\": false, \"typesHeader\": true}";
    assertThat(errorBody(request)).isEqualTo(SelectFixtureBodies.OBJECT_HEADER_FALSE_TYPES_TRUE);
  }

  @Test
  void rejectsSqlTypesHeaderWithoutHeader() {
    assertThatThrownBy(() -> reader.read("{\"query\":\"x\",\"sqlTypesHeader\":true}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRequestBodyException.class)
        .hasMessageContaining("Cannot include 'sqlTypesHeader' without 'header'");
  }

  @Test
  void rejectsMalformedJsonWithTheRoutersBodyByteForByte() throws Exception {
    // Fixture sql-error.malformed-json-body.
    assertThat(errorBody("{not json")).isEqualTo("{\"error\":\"Unknown exception\",\"errorMessage\":\"Unexpected "
        + "character ('n' (code 110)): was expecting double-quote to start field name\\n at [Source: "
        + "(org.eclipse.jetty.server.HttpInputOverHTTP); line: 1, column: 3]\",\"errorClass\":"
        + "\"com.fasterxml.jackson.core.JsonParseException\",\"host\":null}");
  }
}
