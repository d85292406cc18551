package io.msqbeam.server.sql;

import java.io.IOException;
import java.util.List;

/**
 * Writes one SQL API response body in one result format while rows stream in.
 *
 * <p>Call {@link #start} once, {@link #writeRow} per row, then {@link #finish}. A response that stops
 * without {@code finish} is visibly truncated (an unclosed JSON array, or no final blank line), which is
 * how Druid tells clients that a query failed after the 200 was sent; {@link #flush} pushes out what
 * was written so far in that case.
 */
public interface ResultWriter {
  /** Writes the opening of the body and the header rows {@code header} asks for. */
  void start(List<ResultColumn> columns, ResultHeader header) throws IOException;

  /** Writes one row of values already converted by {@link ResultValueConverter}, in column order. */
  void writeRow(List<Object> values) throws IOException;

  /** Writes the end of the body (closing bracket or trailing blank line) and flushes. */
  void finish() throws IOException;

  /** Flushes what was written, without ending the body. */
  void flush() throws IOException;
}
