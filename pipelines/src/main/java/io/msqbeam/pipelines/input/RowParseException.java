package io.msqbeam.pipelines.input;

/** A line that cannot become a row, with the column at fault when known (Druid's {@code columnName}). */
public final class RowParseException extends Exception {
  private final String column;

  public RowParseException(String column, String message) {
    super(message);
    this.column = column;
  }

  /** The declared column whose value failed, or null when the whole line is unreadable. */
  public String column() {
    return column;
  }
}
