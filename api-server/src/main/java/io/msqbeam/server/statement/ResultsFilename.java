package io.msqbeam.server.statement;

import io.msqbeam.translator.error.InvalidInput;
import java.util.regex.Pattern;

/**
 * The {@code filename} of a results download, checked as Druid's {@code SqlStatementResource} checks it
 * before naming it in {@code Content-Disposition: attachment; filename="…"}: not empty, at most 255
 * characters, none of {@code / \ : * ? " < > |}, NUL, CR or LF.
 */
final class ResultsFilename {
  private static final Pattern ALLOWED = Pattern.compile("^[^/:*?><\\\\\"|\0\n\r]*$");

  private ResultsFilename() {}

  /** The header value for {@code filename}; Druid's invalidInput errors otherwise. */
  static String contentDisposition(String filename) {
    if (filename.isEmpty()) {
      throw InvalidInput.exception("Filename cannot be empty.");
    }
    if (filename.length() > 255) {
      throw InvalidInput.exception("Filename cannot be longer than 255 characters.");
    }
    if (!ALLOWED.matcher(filename).matches()) {
      // Druid's message holds the NUL, LF and CR characters themselves, not escapes.
      throw InvalidInput.exception("Filename contains invalid characters. (/, \\, :, *, ?, \", <, >, |, \0, \n, or \r)");
    }
    return "attachment; filename=\"" + filename + "\"";
  }
}
