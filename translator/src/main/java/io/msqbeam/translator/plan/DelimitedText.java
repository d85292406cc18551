package io.msqbeam.translator.plan;

import java.util.List;

/**
 * The reading settings of a delimited-text format (csv or tsv) in one shape, so one parser serves
 * both. {@code columns} is null when they come from the header row.
 *
 * @param delimiter the field separator
 * @param columns the column names, or null when {@code findColumnsFromHeader}
 * @param listDelimiter splits one value into a multi-value string; null means Druid's ctrl-A
 * @param findColumnsFromHeader take the names from the first row after the skipped ones
 * @param skipHeaderRows rows dropped before anything else
 * @param tryParseNumbers turn numeric-looking text into numbers (Druid's {@code tryParseNumbers})
 */
public record DelimitedText(char delimiter, List<String> columns, String listDelimiter,
    boolean findColumnsFromHeader, int skipHeaderRows, boolean tryParseNumbers) implements java.io.Serializable {
  /** Druid's {@code Parsers.DEFAULT_LIST_DELIMITER}. */
  public static final String DEFAULT_LIST_DELIMITER = "\u0001";

  public DelimitedText {
    columns = columns == null || findColumnsFromHeader ? null : List.copyOf(columns);
  }

  public String effectiveListDelimiter() {
    return listDelimiter == null ? DEFAULT_LIST_DELIMITER : listDelimiter;
  }
}
