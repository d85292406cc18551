package io.msqbeam.translator.plan;

import java.util.List;

/** The column rules csv and tsv share, with Druid's messages. */
final class DelimitedColumns {
  private DelimitedColumns() {}

  static void check(List<String> columns, String delimiter, String delimiterName, Boolean hasHeaderRow,
      Boolean findColumnsFromHeader) {
    if (columns != null && !columns.isEmpty()) {
      for (String column : columns) {
        if (column.contains(delimiter)) {
          throw new IllegalArgumentException("Column[" + column + "] has a " + delimiterName + ", it cannot");
        }
      }
    } else if (!findColumnsFromHeader(hasHeaderRow, findColumnsFromHeader)) {
      throw new IllegalArgumentException("If columns field is not set, the first row of your data must have your"
          + " header and hasHeaderRow must be set to true.");
    }
  }

  static boolean findColumnsFromHeader(Boolean hasHeaderRow, Boolean findColumnsFromHeader) {
    return findColumnsFromHeader != null ? findColumnsFromHeader : Boolean.TRUE.equals(hasHeaderRow);
  }
}
