package io.msqbeam.pipelines.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.translator.plan.InputFormat;
import io.msqbeam.translator.plan.JsonInputFormat;
import io.msqbeam.translator.plan.LocalInputSource;
import io.msqbeam.translator.plan.ParquetInputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte-range splits of one file: every line read exactly once, bytes adding up, file line numbers known. */
class FileRangeSplitsTest {
  /** Lines of many lengths, an empty one, a CRLF one, and a last line without a terminator. */
  private static final String TEXT = "a\nbb\n\nccc\r\ndddd\n" + "e".repeat(70) + "\nff\nlast";
  private static final List<String> LINES = List.of("a", "bb", "", "ccc", "dddd", "e".repeat(70), "ff", "last");

  private static final InputFormat JSON = new JsonInputFormat(null, null);

  @TempDir
  Path dir;

  @Test
  void rangesOfEverySizeReturnEachLineOnceWithFileLineNumbers() throws IOException {
    Path file = Files.writeString(dir.resolve("rows.json"), TEXT, StandardCharsets.UTF_8);
    for (long maxSplitBytes = 1; maxSplitBytes <= TEXT.length() + 1; maxSplitBytes++) {
      List<InputSplit> splits = InputSplits.forReading(local(file), JSON, maxSplitBytes);
      List<String> lines = new ArrayList<>();
      long bytes = 0;
      for (InputSplit split : splits) {
        long before = SplitStreams.linesBefore(split);
        // Line numbers continue where the previous splits left off (empty splits start nowhere).
        long lineNumber = before;
        try (InputStream in = SplitStreams.open(split)) {
          LineReader reader = SplitStreams.lines(split, in);
          while (reader.next()) {
            if (lineNumber == before) {
              assertThat(before).as("lines before split %s", split).isEqualTo(lines.size());
            }
            lines.add(new String(reader.line(), 0, reader.length(), StandardCharsets.UTF_8));
            lineNumber++;
          }
          bytes += reader.bytesRead();
        }
      }
      assertThat(lines).as("max split bytes %d", maxSplitBytes).isEqualTo(LINES);
      assertThat(bytes).as("max split bytes %d", maxSplitBytes).isEqualTo(TEXT.length());
      assertThat(splits).hasSize((int) Math.max(1, (TEXT.length() + maxSplitBytes - 1) / maxSplitBytes));
    }
  }

  /**
   * Druid's reader numbers records, not lines: a line read into a row counts, and so does one whose value
   * fails its column later; a blank or broken line does not. A range learns the count before it.
   */
  @Test
  void recordsBeforeARangeCountOnlyTheLinesDruidsReaderRead() throws IOException {
    List<String> lines = List.of("{\"n\":1}", "", "{\"n\":2}", "{bad", "{\"n\":\"x\"}", "{\"n\":3}", "");
    long[] recordsAfterLine = {1, 1, 2, 2, 3, 4, 4};
    String text = String.join("\n", lines) + "\n";
    Path file = Files.writeString(dir.resolve("records.json"), text, StandardCharsets.UTF_8);
    List<io.msqbeam.translator.plan.ColumnSignature> signature =
        List.of(new io.msqbeam.translator.plan.ColumnSignature("n", io.msqbeam.translator.plan.ColumnType.LONG));
    for (long maxSplitBytes = 1; maxSplitBytes <= text.length(); maxSplitBytes++) {
      for (InputSplit split : InputSplits.forReading(local(file), JSON, maxSplitBytes)) {
        long before = SplitStreams.linesBefore(split);
        long expected = before == 0 ? 0 : recordsAfterLine[(int) Math.min(before, lines.size()) - 1];
        assertThat(SplitStreams.recordsBefore(split, JSON, signature)).as("split %s", split).isEqualTo(expected);
      }
    }
  }

  @Test
  void compressedAndParquetFilesStayWhole() throws IOException {
    Path file = Files.write(dir.resolve("rows.json.gz"), new byte[1000]);
    assertThat(InputSplits.forReading(local(file), JSON, 10))
        .containsExactly(InputSplit.file(file.toString()));
    Path parquet = Files.write(dir.resolve("rows.parquet"), new byte[1000]);
    assertThat(InputSplits.forReading(local(parquet), new ParquetInputFormat(null, null), 10))
        .containsExactly(InputSplit.file(parquet.toString()));
  }

  private static LocalInputSource local(Path file) {
    return new LocalInputSource(null, null, List.of(file.toString()));
  }
}
