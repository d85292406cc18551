package io.msqbeam.server.sql;

import static io.msqbeam.server.sql.SelectFixtureRows.header;
import static io.msqbeam.server.sql.SelectFixtureRows.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonArrayResultWriterTest {
  private static final List<ResultColumn> ONE_COLUMN = List.of(new ResultColumn("col", "STRING", "VARCHAR"));

  @Test
  void writesArrayRowsAsTheDruidFixtureWithoutHeader() {
    assertThat(render(ResultFormat.ARRAY, ResultHeader.NONE)).isEqualTo(SelectFixtureBodies.ARRAY_HEADER_FALSE);
  }

  @Test
  void writesTheNameRowFirstWhenHeaderIsAsked() {
    assertThat(render(ResultFormat.ARRAY, header(false, false))).isEqualTo(SelectFixtureBodies.ARRAY_HEADER_TRUE);
  }

  @Test
  void writesNativeTypesThenSqlTypesAfterTheNames() {
    assertThat(render(ResultFormat.ARRAY, header(true, false)))
        .isEqualTo(SelectFixtureBodies.ARRAY_HEADER_TRUE_TYPES_TRUE_ONLY);
    assertThat(render(ResultFormat.ARRAY, header(false, true)))
        .isEqualTo(SelectFixtureBodies.ARRAY_HEADER_TRUE_SQLTYPES_TRUE_ONLY);
    assertThat(render(ResultFormat.ARRAY, header(true, true)))
        .isEqualTo(SelectFixtureBodies.ARRAY_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE);
  }

  @Test
  void writesOneArrayPerLineAndABlankLineForArrayLines() {
    assertThat(render(ResultFormat.ARRAYLINES, ResultHeader.NONE)).isEqualTo(SelectFixtureBodies.ARRAY_LINES_HEADER_FALSE);
    assertThat(render(ResultFormat.ARRAYLINES, header(false, false))).isEqualTo(SelectFixtureBodies.ARRAY_LINES_HEADER_TRUE);
    assertThat(render(ResultFormat.ARRAYLINES, header(true, true)))
        .isEqualTo(SelectFixtureBodies.ARRAY_LINES_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE);
  }

  @Test
  void writesEmptyResultsAsDruidDoes() {
    assertThat(render(ResultFormat.ARRAY, ResultHeader.NONE, ONE_COLUMN, List.of())).isEqualTo("[]\n");
    assertThat(render(ResultFormat.ARRAY, header(false, false), ONE_COLUMN, List.of())).isEqualTo("[[\"col\"]]\n");
    assertThat(render(ResultFormat.ARRAYLINES, ResultHeader.NONE, ONE_COLUMN, List.of())).isEqualTo("\n\n");
    assertThat(render(ResultFormat.ARRAYLINES, header(false, false), ONE_COLUMN, List.of())).isEqualTo("[\"col\"]\n\n");
  }

  @Test
  void writesAnUnknownNativeTypeAsNull() {
    List<ResultColumn> columns = List.of(new ResultColumn("EXPR$0", null, "ROW"));
    assertThat(render(ResultFormat.ARRAY, header(true, true), columns, List.of()))
        .isEqualTo("[[\"EXPR$0\"],[null],[\"ROW\"]]\n");
  }
}
