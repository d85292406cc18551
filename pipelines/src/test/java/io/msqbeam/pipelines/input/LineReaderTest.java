package io.msqbeam.pipelines.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  private static List<String> lines(String text) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    List<String> lines = new ArrayList<>();
    while (reader.next()) {
      lines.add(new String(reader.line(), 0, reader.length(), StandardCharsets.UTF_8));
    }
    return lines;
  }

  @Test
  void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
    assertThat(lines("a\r\nbb\n\nc")).containsExactly("a", "bb", "", "c");
    assertThat(lines("a\n")).containsExactly("a");
    assertThat(lines("")).isEmpty();
  }

  @Test
  void handlesLinesLongerThanOneChunk() throws IOException {
    String longLine = "x".repeat(200_000);
    assertThat(lines(longLine + "\nshort")).containsExactly(longLine, "short");
  }
}
