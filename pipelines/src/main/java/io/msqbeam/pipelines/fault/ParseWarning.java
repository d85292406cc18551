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

  /** Druid's message for a row of {@code source} that cannot be read (column null when the line is unreadable). */
  public static String message(String source, long rowNumber, String column) {
    return "Error while trying to read the external data source at inputSource [" + source + "], rowNumber ["
        + rowNumber + "], columnName [" + column + "]";
  }

  public Fault fault() {
    return Fault.cannotParseExternalData(errorMessage);
  }
}
