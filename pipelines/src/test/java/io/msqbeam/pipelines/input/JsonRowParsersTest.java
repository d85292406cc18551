package io.msqbeam.pipelines.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.FlattenField;
import io.msqbeam.translator.plan.FlattenSpec;
import io.msqbeam.translator.plan.JsonInputFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRowParsersTest {
  private static final List<ColumnSignature> SIGNATURE = List.of(
      new ColumnSignature("page", ColumnType.STRING), new ColumnSignature("added", ColumnType.LONG),
      new ColumnSignature("first", ColumnType.STRING), new ColumnSignature("ratio", ColumnType.FLOAT));

  private static Object[] parse(RowParser parser, String line) throws RowParseException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return parser.parse(bytes, 0, bytes.length);
  }

  @Test
  void plainJsonKeepsDeclaredTopLevelFields() throws Exception {
    RowParser parser = RowParsers.create(new JsonInputFormat(), SIGNATURE);
    assertThat(parser).isInstanceOf(JsonRowParser.class);
    assertThat(parse(parser, "{\"page\":\"P\",\"added\":\"12.7\",\"first\":[\"a\",\"b\"],\"x\":{\"y\":1},\"ratio\":0.5}"))
        .containsExactly("P", 12L, List.of("a", "b"), 0.5f);
    assertThatThrownBy(() -> parse(parser, "[1,2]")).isInstanceOf(RowParseException.class);
  }

  /**
   * Druid's JsonLineReader hands every line to Jackson, which finds no content in a blank one: it is an
   * unparseable row, never skipped (MSQWarningsTest's unparseable.gz: a blank line after each row).
   */
  @Test
  void blankLinesAreUnparseableWithAndWithoutFlattenSpec() {
    RowParser plain = RowParsers.create(new JsonInputFormat(), SIGNATURE);
    RowParser flattened = RowParsers.create(new JsonInputFormat(new FlattenSpec(true,
        List.of(new FlattenField("path", "added", "$.stats.added"))), null), SIGNATURE);
    for (RowParser parser : List.of(plain, flattened)) {
      for (String blank : List.of("", "   ", "\t")) {
        assertThatThrownBy(() -> parse(parser, blank)).isInstanceOfSatisfying(RowParseException.class,
            e -> assertThat(e.column()).isNull());
      }
    }
  }

  @Test
  void linesThatListTheirFieldsInAnotherOrderOrWithOthersStillFindTheirColumns() throws Exception {
    RowParser parser = RowParsers.create(new JsonInputFormat(), SIGNATURE);
    assertThat(parse(parser, "{\"page\":\"A\",\"added\":1,\"first\":\"f\",\"ratio\":0.5}"))
        .containsExactly("A", 1L, "f", 0.5f);
    assertThat(parse(parser, "{\"added\":2,\"page\":\"B\",\"ratio\":1.5,\"first\":\"g\"}"))
        .containsExactly("B", 2L, "g", 1.5f);
    assertThat(parse(parser, "{\"x\":0,\"page\":\"C\",\"y\":[1],\"added\":3}")).containsExactly("C", 3L, null, null);
    assertThat(parse(parser, "{\"page\":\"D\",\"added\":4,\"first\":\"h\",\"ratio\":2.5}"))
        .containsExactly("D", 4L, "h", 2.5f);
    // More fields than were ever seen before, and names built at run time (not constants).
    StringBuilder wide = new StringBuilder("{");
    for (int i = 0; i < 40; i++) {
      wide.append("\"f").append(i).append("\":").append(i).append(',');
    }
    wide.append("\"").append(new String("ra") + "tio").append("\":3.5,\"page\":\"E\"}");
    assertThat(parse(parser, wide.toString())).containsExactly("E", null, null, 3.5f);
    assertThat(parse(parser, wide.toString())).containsExactly("E", null, null, 3.5f);
  }

  @Test
  void namesThatOnlyResembleThePreviousLinesAreReadForWhatTheyAre() throws Exception {
    RowParser parser = RowParsers.create(new JsonInputFormat(), SIGNATURE);
    for (int i = 0; i < 3; i++) {
      assertThat(parse(parser, "{\"page\":\"A\",\"added\":1,\"first\":\"f\",\"ratio\":0.5}"))
          .containsExactly("A", 1L, "f", 0.5f);
    }
    // An escaped name, a prefix and an extension of the previous line's names, fewer fields, none.
    assertThat(parse(parser, "{\"pa\\u0067e\":\"B\",\"add\":2,\"firsts\":\"g\",\"ratio\":1.5}"))
        .containsExactly("B", null, null, 1.5f);
    assertThat(parse(parser, "{\"page\":\"C\",\"added\":3}")).containsExactly("C", 3L, null, null);
    assertThat(parse(parser, "{}")).containsExactly(null, null, null, null);
    assertThat(parse(parser, "{\"page\":\"D\",\"added\":4,\"first\":\"h\",\"ratio\":2.5}"))
        .containsExactly("D", 4L, "h", 2.5f);
    assertThatThrownBy(() -> parse(parser, "{\"page\":\"E\",\"added\":5,}")).isInstanceOf(RowParseException.class);
    assertThatThrownBy(() -> parse(parser, "{\"page\":\"E\" \"added\":5}")).isInstanceOf(RowParseException.class);
  }

  @Test
  void flattenSpecReadsPathsAndDiscoversTheRest() throws Exception {
    FlattenSpec spec = new FlattenSpec(null, List.of(
        new FlattenField("path", "added", "$.stats.added"),
        new FlattenField("path", "first", "$.tags[0]"),
        new FlattenField("root", "ratio", "r")));
    RowParser parser = RowParsers.create(new JsonInputFormat(spec, null), SIGNATURE);
    assertThat(parse(parser, "{\"page\":\"P\",\"stats\":{\"added\":3},\"tags\":[\"t1\",\"t2\"],\"r\":\"0.25\"}"))
        .containsExactly("P", 3L, "t1", 0.25f);
  }

  @Test
  void withoutFieldDiscoveryOnlyFlattenFieldsAreRead() throws Exception {
    FlattenSpec spec = new FlattenSpec(false, List.of(new FlattenField("path", "first", "$['odd name'].v")));
    RowParser parser = RowParsers.create(new JsonInputFormat(spec, null), SIGNATURE);
    assertThat(parse(parser, "{\"page\":\"P\",\"odd name\":{\"v\":9}}")).containsExactly(null, null, "9", null);
  }

  @Test
  void jsonPathSupportsItsSubsetOnly() {
    assertThatThrownBy(() -> JsonPath.compile("a.b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonPath.compile("$..a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FlattenField("jq", "x", ".a")).hasMessage("flattenSpec field type [jq] is not supported");
  }
}
