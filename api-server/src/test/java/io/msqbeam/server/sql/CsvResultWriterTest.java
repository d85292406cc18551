package io.msqbeam.server.sql;

import static io.msqbeam.server.sql.SelectFixtureRows.header;
import static io.msqbeam.server.sql.SelectFixtureRows.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvResultWriterTest {
  private static final List<ResultColumn> ONE_COLUMN = List.of(new ResultColumn("col", "STRING", "VARCHAR"));

  @Test
  void writesCsvRowsAsTheDruidFixtureWithoutHeader() {
    assertThat(render(ResultFormat.CSV, ResultHeader.NONE)).isEqualTo(SelectFixtureBodies.CSV_HEADER_FALSE);
  }

  @Test
  void writesNamesThenTypesThenSqlTypesAsHeaderLines() {
    assertThat(render(ResultFormat.CSV, header(false, false))).isEqualTo(SelectFixtureBodies.CSV_HEADER_TRUE);
    assertThat(render(ResultFormat.CSV, header(true, true)))
        .isEqualTo(SelectFixtureBodies.CSV_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE);
  }

  @Test
  void quotesOnlyFieldsWithCommasQuotesOrLineBreaksAndDoublesQuotes() {
    assertThat(CsvResultWriter.quoted("plain text")).isEqualTo("plain text");
    assertThat(CsvResultWriter.quoted("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvResultWriter.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvResultWriter.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvResultWriter.quoted("cr\rhere")).isEqualTo("\"cr\rhere\"");
  }

  @Test
  void writesArraysAsTheirQuotedJsonAndNullAsAnEmptyField() {
    List<ResultColumn> columns = List.of(new ResultColumn("dim3", "STRING", "VARCHAR"),
        new ResultColumn("m1", "FLOAT", "FLOAT"), new ResultColumn("dim2", "STRING", "VARCHAR"));
    assertThat(render(ResultFormat.CSV, ResultHeader.NONE, columns, List.of(Arrays.asList(List.of("a", "b"), 1, null))))
        .isEqualTo("\"[\"\"a\"\",\"\"b\"\"]\",1.0,\n\n");
  }

  @Test
  void writesEmptyResultsAsDruidDoes() {
    assertThat(render(ResultFormat.CSV, ResultHeader.NONE, ONE_COLUMN, List.of())).isEqualTo("\n");
    assertThat(render(ResultFormat.CSV, header(false, false), ONE_COLUMN, List.of())).isEqualTo("col\n\n");
  }

  @Test
  void writesAnUnknownNativeTypeAsAnEmptyField() {
    List<ResultColumn> columns = List.of(new ResultColumn("a", "LONG", "BIGINT"), new ResultColumn("EXPR$1", null, "ROW"));
    assertThat(render(ResultFormat.CSV, header(true, true), columns, List.of())).isEqualTo("a,EXPR$1\nLONG,\nBIGINT,ROW\n\n");
  }
}
