package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.counters.StageCounter;
import io.msqbeam.pipelines.counters.WorkerNumber;
import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.fault.ParseWarning;
import io.msqbeam.pipelines.input.InputSplit;
import io.msqbeam.pipelines.input.RowParseException;
import io.msqbeam.pipelines.input.RowParser;
import io.msqbeam.pipelines.input.RowParsers;
import io.msqbeam.pipelines.input.SplitRecords;
import io.msqbeam.pipelines.input.SplitStreams;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InputFormat;
import io.msqbeam.translator.plan.InputSource;
import io.msqbeam.translator.plan.JsonInputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Reads one input split (a file, a byte range of a file, inline data or a URI) record by record in
 * its input format (lines decompressed by file name as Druid
 * does, or Parquet records), never holding a whole file, and counts Druid's {@code input0} counters: rows, uncompressed
 * bytes and files. The parser is chosen once per split; a line that cannot be read fails the stage
 * with {@code CannotParseExternalData}, or, within {@code maxParseExceptions}, is counted as a warning
 * and the first few are recorded with their source and row number ({@link ParseWarningRecorder}).
 */
final class ReadExternalFn extends DoFn<InputSplit, Object[]> {
  private final List<ColumnSignature> signature;
  private final InputFormat format;
  private final Counter rows;
  private final Counter bytes;
  private final Counter files;
  private final Counter parseWarnings;
  /** Unparseable rows tolerated (context maxParseExceptions): 0 fails on the first, -1 never fails. */
  private final long maxParseExceptions;
  private transient long localParseWarnings;
  /** Druid's NUL-character rule for this stage, or null (see {@link NullByteGuard}). */
  private final NullByteGuard nullBytes;
  private final int stageNumber;
  private final ParseWarningRecorder warnings;

  /** A strict reader: the first unparseable row fails the task (Druid's default, maxParseExceptions 0). */
  ReadExternalFn(int stageNumber, ExternalInputSpec spec) {
    this(stageNumber, spec, 0);
  }

  ReadExternalFn(int stageNumber, ExternalInputSpec spec, long maxParseExceptions) {
    this(stageNumber, spec, maxParseExceptions, null);
  }

  ReadExternalFn(int stageNumber, ExternalInputSpec spec, long maxParseExceptions, NullByteGuard nullBytes) {
    this(stageNumber, spec, maxParseExceptions, nullBytes, null);
  }

  /** @param outputDir the job's output directory, where tolerated parse errors are recorded; null for none */
  ReadExternalFn(int stageNumber, ExternalInputSpec spec, long maxParseExceptions, NullByteGuard nullBytes,
      String outputDir) {
    this(stageNumber, spec.signature(), spec.inputFormat(), maxParseExceptions, nullBytes, outputDir);
  }

  private ReadExternalFn(int stageNumber, List<ColumnSignature> signature, InputFormat format,
      long maxParseExceptions, NullByteGuard nullBytes, String outputDir) {
    this.stageNumber = stageNumber;
    this.warnings = new ParseWarningRecorder(outputDir);
    this.nullBytes = nullBytes;
    this.signature = List.copyOf(signature);
    this.format = format;
    this.maxParseExceptions = maxParseExceptions;
    this.rows = StageCounter.of(stageNumber, CounterNames.INPUT0, "rows");
    this.bytes = StageCounter.of(stageNumber, CounterNames.INPUT0, "bytes");
    this.files = StageCounter.of(stageNumber, CounterNames.INPUT0, "files");
    this.parseWarnings = StageCounter.of(stageNumber, CounterNames.WARNINGS, CANNOT_PARSE);
  }

  private static final String CANNOT_PARSE = ParseWarning.CODE;

  @Setup
  public void setup() {
    if (maxParseExceptions < -1) {
      throw new FaultException(Fault.unknown("java.lang.IllegalArgumentException: Invalid limit of "
          + maxParseExceptions + " supplied for warnings of type " + CANNOT_PARSE
          + ". Limit can be greater than or equal to -1."));
    }
  }

  @ProcessElement
  public void process(@Element InputSplit split, OutputReceiver<Object[]> out) {
    RowParser parser = RowParsers.create(format, signature);
    try (SplitRecords lines = SplitRecords.open(split, format)) {
      long lineNumber = 0;
      long counted = 0;
      long rowNumber = 0;
      // Row numbers in errors count from the file's start; a range that starts later learns how far on
      // its first failure (reading the file up to the range), once.
      long[] linesBefore = {-1};
      java.util.function.LongSupplier rowsBefore = () -> {
        if (linesBefore[0] < 0) {
          try {
            linesBefore[0] = SplitStreams.linesBefore(split);
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + split.describe(), e);
          }
        }
        return linesBefore[0];
      };
      long records = 0; // lines read into a row, or failing only in a column: Druid's reader counted them
      long recordsBefore = -1; // records of the file before this split, learnt on the first unreadable line
      while (lines.next()) {
        lineNumber++;
        Object[] row;
        try {
          row = parser.parse(lines.line(), 0, lines.length());
        } catch (RowParseException e) {
          if (e.column() != null) {
            records++;
          }
          boolean described = maxParseExceptions == 0 || warnings.wantsMore();
          String message = null;
          long at = described ? rowsBefore.getAsLong() + lineNumber : 0;
          if (described && e.column() != null) {
            message = ParseWarning.message(split.describe(), at, e.column());
          } else if (described) {
            if (recordsBefore < 0) {
              recordsBefore = SplitStreams.recordsBefore(split, format, signature);
            }
            message = ParseWarning.unreadableRow(
                new String(lines.line(), 0, lines.length(), StandardCharsets.UTF_8), split.uri(),
                recordsBefore + records + 1, at);
          }
          if (maxParseExceptions == 0) {
            throw new FaultException(Fault.cannotParseExternalData(message));
          }
          // Tolerated: counted as a warning; the server checks the job-wide total against the limit too.
          parseWarnings.inc();
          if (described) {
            warnings.record(new ParseWarning(stageNumber, WorkerNumber.current(), split.describe(), at, message));
          }
          if (maxParseExceptions > 0 && ++localParseWarnings > maxParseExceptions) {
            throw new FaultException(Fault.tooManyWarnings(maxParseExceptions, CANNOT_PARSE));
          }
          continue;
        }
        if (row == null) {
          continue;
        }
        records++;
        rowNumber++;
        if (nullBytes != null) {
          nullBytes.apply(row, rowNumber, rowsBefore);
        }
        out.output(row);
        rows.inc();
        if (lines.bytesRead() - counted >= 1 << 20) {
          bytes.inc(lines.bytesRead() - counted);
          counted = lines.bytesRead();
        }
      }
      bytes.inc(lines.bytesRead() - counted);
      if (!(split instanceof InputSplit.FileSplit file) || file.start() == 0) {
        files.inc(); // a file read in ranges counts once, as Druid reads it whole
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + split.describe(), e);
    }
  }
}
