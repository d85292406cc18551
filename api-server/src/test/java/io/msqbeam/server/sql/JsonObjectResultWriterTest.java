package io.msqbeam.server.sql;

import static io.msqbeam.server.sql.SelectFixtureRows.header;
import static io.msqbeam.server.sql.SelectFixtureRows.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonObjectResultWriterTest {
  private static final List<ResultColumn> ONE_COLUMN = List.of(new ResultColumn("col", "STRING", "VARCHAR"));

  @Test
  void writesObjectRowsAsTheDruidFixtureWithoutHeader() {
    assertThat(render(ResultFormat.OBJECT, ResultHeader.NONE)).isEqualTo(SelectFixtureBodies.OBJECT_HEADER_FALSE);
    assertThat(render(ResultFormat.OBJECT, ResultHeader.NONE)).isEqualTo(SelectFixtureBodies.DEFAULT_FORMAT);
  }

  @Test
  void writesAHeaderObjectOfNullsForNamesOnly() {
    assertThat(render(ResultFormat.OBJECT, header(false, false))).isEqualTo(SelectFixtureBodies.OBJECT_HEADER_TRUE);
  }

  @Test
  void writesTypeAndSqlTypePerColumnWhenBothTypeFlagsAreSet() {
    assertThat(render(ResultFormat.OBJECT, header(true, true)))
        .isEqualTo(SelectFixtureBodies.OBJECT_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE);
  }

  @Test
  void writesOnlyTheFieldsTheTypeFlagsAskFor() {
    assertThat(render(ResultFormat.OBJECT, header(true, false), ONE_COLUMN, List.of()))
        .isEqualTo("[{\"col\":{\"type\":\"STRING\"}}]\n");
    assertThat(render(ResultFormat.OBJECT, header(false, true), ONE_COLUMN, List.of()))
        .isEqualTo("[{\"col\":{\"sqlType\":\"VARCHAR\"}}]\n");
  }

  @Test
  void writesOneObjectPerLineAndABlankLineForObjectLines() {
    assertThat(render(ResultFormat.OBJECTLINES, ResultHeader.NONE)).isEqualTo(SelectFixtureBodies.OBJECT_LINES_HEADER_FALSE);
    assertThat(render(ResultFormat.OBJECTLINES, header(false, false))).isEqualTo(SelectFixtureBodies.OBJECT_LINES_HEADER_TRUE);
    assertThat(render(ResultFormat.OBJECTLINES, header(true, true)))
        .isEqualTo(SelectFixtureBodies.OBJECT_LINES_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE);
  }

  @Test
  void writesEmptyResultsAsDruidDoes() {
    assertThat(render(ResultFormat.OBJECT, ResultHeader.NONE, ONE_COLUMN, List.of())).isEqualTo("[]\n");
    assertThat(render(ResultFormat.OBJECT, header(false, false), ONE_COLUMN, List.of())).isEqualTo("[{\"col\":null}]\n");
    assertThat(render(ResultFormat.OBJECTLINES, ResultHeader.NONE, ONE_COLUMN, List.of())).isEqualTo("\n\n");
    assertThat(render(ResultFormat.OBJECTLINES, header(false, false), ONE_COLUMN, List.of()))
        .isEqualTo("{\"col\":null}\n\n");
  }
}
