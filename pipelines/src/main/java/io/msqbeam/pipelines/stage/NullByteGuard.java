package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.input.InputSourceDescription;
import io.msqbeam.pipelines.input.NullBytes;
import io.msqbeam.translator.plan.ColumnMapping;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.GroupByPreShuffleProcessor;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.ScanQuery;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.TaskReportDestination;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Druid's rule for NUL characters in the strings a stage reading external data writes: with context
 * {@code removeNullBytes} they are stripped from every value read; otherwise a written string holding
 * one fails the task with {@code InvalidNullByte}, naming the input source, the row's 1-based number
 * in its split, the output column, the value and the NUL's position.
 *
 * <p>Druid finds them when it writes the stage's output frame, so only columns the stage writes count
 * (an unselected column, or one cleaned with {@code REPLACE(col, U&'\0000', '')}, is fine) and the
 * value reported is the projected one. Checking every projected row would cost a second projection,
 * so the raw row is checked first (one {@code indexOf} per string) and only a row holding a NUL is
 * projected again to see what would be written. Not checked: NULs made by expressions from inputs
 * without any, and the keys of GROUP BY stages.
 */
final class NullByteGuard implements Serializable {
  private final boolean remove;
  private final String source;
  private final List<ColumnSignature> inputSignature;
  private final ScanQuery scan;
  /** The name Druid reports for each scan output column: its output (column-mapped) name. */
  private final List<String> reportedNames;
  private transient ScanRowProcessor projection;

  private NullByteGuard(boolean remove, String source, List<ColumnSignature> inputSignature, ScanQuery scan,
      List<String> reportedNames) {
    this.remove = remove;
    this.source = source;
    this.inputSignature = inputSignature;
    this.scan = scan;
    this.reportedNames = reportedNames;
  }

  /** The guard of a stage reading external data, or null when it has nothing to do. */
  static NullByteGuard forStage(QueryPlan plan, StageDefinition stage) {
    if (!(stage.input().get(0) instanceof ExternalInputSpec external)) {
      return null;
    }
    Map<String, Object> context = stage.processor() instanceof ScanProcessor scan ? scan.query().context()
        : stage.processor() instanceof GroupByPreShuffleProcessor groupBy ? groupBy.query().context() : Map.of();
    if (Boolean.parseBoolean(String.valueOf(context.get("removeNullBytes")))) {
      return new NullByteGuard(true, null, null, null, null);
    }
    if (!(stage.processor() instanceof ScanProcessor scan)) {
      return null;
    }
    Map<String, String> outputNames = new HashMap<>();
    for (ColumnMapping mapping : columnMappings(plan)) {
      outputNames.putIfAbsent(mapping.queryColumn(), mapping.outputColumn());
    }
    List<String> reported = scan.query().columns().stream().map(c -> outputNames.getOrDefault(c, c)).toList();
    return new NullByteGuard(false, InputSourceDescription.of(external.inputSource()),
        List.copyOf(external.signature()), scan.query(), reported);
  }

  private static List<ColumnMapping> columnMappings(QueryPlan plan) {
    if (plan.finalStage().processor() instanceof SegmentGeneratorProcessor generator) {
      return generator.columnMappings();
    }
    if (plan.destination() instanceof TaskReportDestination results) {
      return results.columnMappings();
    }
    return List.of();
  }

  /** Applies the rule to one parsed row, the {@code rowNumber}-th (1-based) of its split. */
  void apply(Object[] row, long rowNumber) {
    apply(row, rowNumber, () -> 0);
  }

  /**
   * Applies the rule to one parsed row, the {@code rowNumber}-th of a split that starts inside a
   * file after {@code rowsBefore} rows, which is asked only when the row fails (it rereads the file).
   */
  void apply(Object[] row, long rowNumber, java.util.function.LongSupplier rowsBefore) {
    if (remove) {
      NullBytes.strip(row);
      return;
    }
    if (!NullBytes.anyIn(row)) {
      return;
    }
    if (projection == null) {
      projection = ScanRowProcessor.of(inputSignature, scan);
    }
    Object[] written = projection.process(row.clone());
    if (written == null) {
      return;
    }
    for (int i = 0; i < written.length; i++) {
      String value = NullBytes.firstWithNullByte(written[i]);
      if (value != null) {
        throw new FaultException(Fault.invalidNullByte(source, rowsBefore.getAsLong() + rowNumber, reportedNames.get(i), value,
            NullBytes.position(value)));
      }
    }
  }
}
