package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Druid's {@code tsv} ("delimited") input format: the {@code csv} fields plus a one-character
 * {@code delimiter} (default tab). Values are not quoted, as in Druid's TSV reader.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TsvInputFormat(
    List<String> columns,
    String listDelimiter,
    String delimiter,
    Boolean hasHeaderRow,
    Boolean findColumnsFromHeader,
    int skipHeaderRows,
    Boolean tryParseNumbers) implements java.io.Serializable, InputFormat {
  public TsvInputFormat {
    columns = columns == null ? null : List.copyOf(columns);
    String effective = delimiter == null ? "\t" : delimiter;
    if (effective.length() != 1) {
      throw new IllegalArgumentException("The delimiter should be a single character");
    }
    if (effective.equals(listDelimiter)) {
      throw new IllegalArgumentException("Cannot have same delimiter and list delimiter of [" + effective + "]");
    }
    DelimitedColumns.check(columns, effective, "\t".equals(effective) ? "tab" : "delimiter", hasHeaderRow,
        findColumnsFromHeader);
  }

  /** The format the table functions build: columns named by the declared signature. */
  public static TsvInputFormat withColumns(List<String> columns, String listDelimiter, String delimiter,
      int skipHeaderRows) {
    return new TsvInputFormat(columns, listDelimiter, delimiter, null, false, skipHeaderRows, null);
  }

  public DelimitedText text() {
    return new DelimitedText(delimiter == null ? '\t' : delimiter.charAt(0), columns, listDelimiter,
        DelimitedColumns.findColumnsFromHeader(hasHeaderRow, findColumnsFromHeader), skipHeaderRows,
        Boolean.TRUE.equals(tryParseNumbers));
  }
}
