package io.msqbeam.server.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The checks of Druid's {@code SqlStatementResource.validateFilename}. */
class ResultsFilenameTest {
  @Test
  void namesAValidFileInContentDisposition() {
    assertThat(ResultsFilename.contentDisposition("rows.csv")).isEqualTo("attachment; filename=\"rows.csv\"");
  }

  @Test
  void refusesEmptyLongAndForbiddenNames() {
    assertThatThrownBy(() -> ResultsFilename.contentDisposition("")).hasMessage("Filename cannot be empty.");
    assertThatThrownBy(() -> ResultsFilename.contentDisposition("a".repeat(256)))
        .hasMessage("Filename cannot be longer than 255 characters.");
    for (String bad : new String[] {"a/b", "a\\b", "a:b", "a*b", "a?b", "a\"b", "a<b", "a>b", "a|b", "a\0b", "a\nb"}) {
      assertThatThrownBy(() -> ResultsFilename.contentDisposition(bad)).as(bad)
          .hasMessageStartingWith("Filename contains invalid characters.");
    }
    assertThat(ResultsFilename.contentDisposition("a".repeat(255))).contains("a".repeat(255));
  }
}
