package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Druid's {@code csv} input format. Columns come from {@code columns} or, with
 * {@code findColumnsFromHeader} (legacy spelling {@code hasHeaderRow}), from the first row after
 * {@code skipHeaderRows}; {@code listDelimiter} (default ctrl-A) splits a value into a multi-value string.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CsvInputFormat(
    List<String> columns,
    String listDelimiter,
    Boolean hasHeaderRow,
    Boolean findColumnsFromHeader,
    int skipHeaderRows,
    Boolean tryParseNumbers) implements java.io.Serializable, InputFormat {
  public CsvInputFormat {
    columns = columns == null ? null : List.copyOf(columns);
    DelimitedColumns.check(columns, ",", "comma", hasHeaderRow, findColumnsFromHeader);
  }

  /** The format the table functions build: columns named by the declared signature. */
  public static CsvInputFormat withColumns(List<String> columns, String listDelimiter, int skipHeaderRows) {
    return new CsvInputFormat(columns, listDelimiter, null, false, skipHeaderRows, null);
  }

  public DelimitedText text() {
    return new DelimitedText(',', columns, listDelimiter,
        DelimitedColumns.findColumnsFromHeader(hasHeaderRow, findColumnsFromHeader), skipHeaderRows,
        Boolean.TRUE.equals(tryParseNumbers));
  }
}
