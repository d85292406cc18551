package io.msqbeam.pipelines.input;

/**
 * Turns the lines of one split into rows of the declared signature. One instance reads one split
 * from its first line, so formats with a header (csv, tsv) keep their header state here; the reader
 * picks the implementation once per split with {@link RowParsers#create}, never per row.
 */
public interface RowParser {
  /**
   * Parses one line (without its terminator) into a row aligned with the signature, or returns null
   * when the line holds no row (a skipped header row, the header itself). A blank line is read as Druid
   * reads it: unparseable in json (Jackson finds no content), a row of nulls in csv and tsv.
   */
  Object[] parse(byte[] line, int offset, int length) throws RowParseException;
}
