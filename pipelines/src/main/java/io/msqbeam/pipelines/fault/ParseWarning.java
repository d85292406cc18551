package io.msqbeam.pipelines.fault;

import java.util.Comparator;

import static java.util.Objects.requireNonNull;

/**
 * One unparseable row a stage tolerated (context {@code maxParseExceptions}): the worker that met it,
 * where it was ({@code source}, 1-based {@code rowNumber} from the start of the source) and Druid's
 * {@code CannotParseExternalData} message. The report lists a few of them as {@code status.warnings}.
 */
public record ParseWarning(int stageNumber, int workerNumber, String source, long rowNumber, String errorMessage) {
  /** Druid's fault code for an unparseable row, also the key of the {@code warnings} counter. */
  public static final String CODE = "CannotParseExternalData";

  /** How many are kept for the report: Druid keeps five verbose parse exceptions, however many rows are bad. */
  public static final int KEPT = 5;

  /** The report's order: by stage, then where in the input the row was. */
  public static final Comparator<ParseWarning> ORDER = Comparator.comparingInt(ParseWarning::stageNumber)
      .thenComparing(ParseWarning::source).thenComparingLong(ParseWarning::rowNumber);

  public ParseWarning {
    requireNonNull(source, "source is null");
    requireNonNull(errorMessage, "errorMessage is null");
  }

  /**
   * Druid's message for a value of a read row that cannot be read as its column's type
   * ({@code ExternalColumnSelectorFactory}); a line that cannot be read at all gets {@link #unreadableRow}.
   */
  public static String message(String source, long rowNumber, String column) {
    return "Error while trying to read the external data source at inputSource [" + source + "], rowNumber ["
        + rowNumber + "], columnName [" + column + "]";
  }

  /**
   * Druid's reader message for a line it cannot read at all (bad JSON, a blank JSON line, an unterminated
   * csv quote; {@code IntermediateRowParsingReader}): the line, then the file's {@code Path} (absent for
   * inline data), the {@code Record} (records read from the file so far, plus one) and the {@code Line}.
   */
  public static String unreadableRow(String line, String uri, long record, long lineNumber) {
    return "Unable to parse row [" + line + "] (" + (uri == null ? "" : "Path: " + uri + ", ") + "Record: "
        + record + ", Line: " + lineNumber + ")";
  }

  public Fault fault() {
    return Fault.cannotParseExternalData(errorMessage);
  }
}
