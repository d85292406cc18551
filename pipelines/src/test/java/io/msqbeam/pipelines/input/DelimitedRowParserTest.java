package io.msqbeam.pipelines.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.CsvInputFormat;
import io.msqbeam.translator.plan.TsvInputFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedRowParserTest {
  private static final List<ColumnSignature> SIGNATURE = List.of(
      new ColumnSignature("s", ColumnType.STRING), new ColumnSignature("n", ColumnType.LONG),
      new ColumnSignature("d", ColumnType.DOUBLE));

  private static List<Object[]> parse(RowParser parser, String... lines) throws RowParseException {
    List<Object[]> rows = new ArrayList<>();
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      Object[] row = parser.parse(bytes, 0, bytes.length);
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void csvCoercesIntoTheDeclaredTypesByColumnName() throws Exception {
    RowParser parser = RowParsers.create(CsvInputFormat.withColumns(List.of("d", "s", "n"), null, 0), SIGNATURE);
    assertThat(parse(parser, "1.5,a,7", "2,\"b, \"\"quoted\"\"\",3.9", ",,", ",\"\","))
        .containsExactly(new Object[] {"a", 7L, 1.5}, new Object[] {"b, \"quoted\"", 3L, 2.0},
            new Object[] {null, null, null}, new Object[] {"", null, null});
  }

  @Test
  void csvSkipsRowsThenReadsTheHeader() throws Exception {
    RowParser parser = RowParsers.create(new CsvInputFormat(null, null, null, true, 1, null), SIGNATURE);
    assertThat(parse(parser, "junk line", "n,other,s", "5,x,hello", "6"))
        .containsExactly(new Object[] {"hello", 5L, null}, new Object[] {null, 6L, null});
  }

  /**
   * Druid 33 reads an empty csv or tsv value as null, a quoted empty csv value as the empty string, and a
   * blank line as a row whose values are all null: it is a row, never skipped (the csv parser of
   * {@code CsvInputFormat} with opencsv's {@code EMPTY_SEPARATORS}; {@code DelimitedInputFormat.splitToList}).
   */
  @Test
  void blankLinesAreRowsOfNullsAndEmptyValuesAreNull() throws Exception {
    RowParser csv = RowParsers.create(CsvInputFormat.withColumns(List.of("s", "n", "d"), null, 0), SIGNATURE);
    assertThat(parse(csv, "a,1,2", "", " ", "\"\",,"))
        .containsExactly(new Object[] {"a", 1L, 2.0}, new Object[] {null, null, null},
            new Object[] {" ", null, null}, new Object[] {"", null, null});
    RowParser tsv = RowParsers.create(TsvInputFormat.withColumns(List.of("s", "n", "d"), null, null, 0), SIGNATURE);
    assertThat(parse(tsv, "", "\t\t", "\"\"\t\t3"))
        .containsExactly(new Object[] {null, null, null}, new Object[] {null, null, null},
            new Object[] {"\"\"", null, 3.0});
  }

  @Test
  void legacyHasHeaderRowMeansFindColumnsFromHeader() throws Exception {
    RowParser parser = RowParsers.create(new CsvInputFormat(null, null, true, null, 0, null), SIGNATURE);
    assertThat(parse(parser, "s", "v")).containsExactly(new Object[] {"v", null, null});
  }

  @Test
  void listDelimiterMakesMultiValueStrings() throws Exception {
    RowParser ctrlA = RowParsers.create(CsvInputFormat.withColumns(List.of("s"), null, 0), SIGNATURE);
    assertThat(parse(ctrlA, "a\u0001b")).containsExactly(new Object[] {List.of("a", "b"), null, null});
    RowParser pipe = RowParsers.create(CsvInputFormat.withColumns(List.of("s", "n"), "|", 0), SIGNATURE);
    assertThat(parse(pipe, "a|b|c,1|2")).containsExactly(new Object[] {List.of("a", "b", "c"), 1L, null});
  }

  @Test
  void tsvSplitsOnItsDelimiterWithoutQuoting() throws Exception {
    RowParser tab = RowParsers.create(TsvInputFormat.withColumns(List.of("s", "n"), null, null, 0), SIGNATURE);
    assertThat(parse(tab, "\"a,b\"\t3")).containsExactly(new Object[] {"\"a,b\"", 3L, null});
    RowParser pipe = RowParsers.create(TsvInputFormat.withColumns(List.of("s", "n"), null, "|", 0), SIGNATURE);
    assertThat(parse(pipe, "x|4")).containsExactly(new Object[] {"x", 4L, null});
  }

  @Test
  void aValueThatIsNotANumberNamesItsColumn() {
    RowParser parser = RowParsers.create(CsvInputFormat.withColumns(List.of("s", "n"), null, 0), SIGNATURE);
    assertThatThrownBy(() -> parse(parser, "a,notanumber"))
        .isInstanceOfSatisfying(RowParseException.class, e -> assertThat(e.column()).isEqualTo("n"));
  }

  @Test
  void formatsRefuseWhatDruidRefuses() {
    assertThatThrownBy(() -> new CsvInputFormat(null, null, null, null, 0, null))
        .hasMessage("If columns field is not set, the first row of your data must have your header and hasHeaderRow"
            + " must be set to true.");
    assertThatThrownBy(() -> CsvInputFormat.withColumns(List.of("a,b"), null, 0))
        .hasMessage("Column[a,b] has a comma, it cannot");
    assertThatThrownBy(() -> TsvInputFormat.withColumns(List.of("a"), "|", "|", 0))
        .hasMessage("Cannot have same delimiter and list delimiter of [|]");
  }
}
