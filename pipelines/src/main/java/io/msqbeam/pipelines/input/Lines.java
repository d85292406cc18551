package io.msqbeam.pipelines.input;

/** Line tests shared by the parsers: a blank line is never a row, in any text format. */
final class Lines {
  private Lines() {}

  static boolean isBlank(byte[] line, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (!Character.isWhitespace(line[i])) {
        return false;
      }
    }
    return true;
  }
}
