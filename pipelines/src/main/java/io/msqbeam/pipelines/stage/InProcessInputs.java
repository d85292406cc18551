package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.input.InputSplit;
import io.msqbeam.pipelines.input.InputSplits;
import io.msqbeam.pipelines.segment.SegmentReader;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InputSpec;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.TableInputSpec;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.reflect.DoFnInvokers;
import org.apache.beam.sdk.values.OutputBuilder;

/**
 * Reads the input of a plan's first stage in the calling thread and pushes its rows into a sink, with
 * the same readers as the Beam path: external splits through {@link ReadExternalFn} itself (its Beam
 * counters land in the job's counters through {@link InProcessMetricsContainer}), table segments
 * through {@link SegmentRows}, kept open between queries by {@link InProcessSegmentCache} and read only
 * in the columns the stage uses ({@link InProcessColumns}). Between rows it checks for cancellation, and it stops reading as soon
 * as the sink is satisfied (a LIMIT without ORDER BY).
 */
final class InProcessInputs {
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  private final InProcessSegmentCache segments;
  private final InProcessCounters counters;
  private final BooleanSupplier cancelled;
  /** The job's output directory, where tolerated parse errors are recorded as on the Beam path. */
  private final String outputDir;

  InProcessInputs(InProcessSegmentCache segments, InProcessCounters counters, BooleanSupplier cancelled,
      String outputDir) {
    this.outputDir = outputDir;
    this.segments = segments;
    this.counters = counters;
    this.cancelled = cancelled;
  }

  /** Reads input {@code inputNumber} of {@code stage}, external data or a table, into {@code sink}. */
  void read(QueryPlan plan, StageDefinition stage, int inputNumber, InProcessRowSink sink) {
    int stageNumber = stage.stageNumber();
    InputSpec input = stage.input().get(inputNumber);
    try {
      if (input instanceof ExternalInputSpec external) {
        readExternal(stageNumber, external, QueryPipelines.maxParseExceptions(stage), NullByteGuard.forStage(plan, stage),
            sink);
      } else if (input instanceof TableInputSpec table) {
        readTable(stageNumber, table, InProcessColumns.required(stage), sink);
      } else {
        throw new IllegalArgumentException("Only external data or a table is read here, not " + input);
      }
    } catch (EnoughRows e) {
      // The sink holds all the rows it needs; the rest of the input cannot change the answer.
    }
  }

  private void readExternal(int stageNumber, ExternalInputSpec external, long maxParseExceptions,
      NullByteGuard nullBytes, InProcessRowSink sink) {
    ReadExternalFn reader = new ReadExternalFn(stageNumber, external, maxParseExceptions, nullBytes, outputDir);
    DoFnInvokers.tryInvokeSetupFor(reader, OPTIONS);
    DoFn.OutputReceiver<Object[]> receiver = new DoFn.OutputReceiver<>() {
      @Override
      public void output(Object[] row) {
        push(row, sink);
      }

      @Override
      public OutputBuilder<Object[]> builder(Object[] value) {
        throw new UnsupportedOperationException("In-process readers output plain rows");
      }
    };
    for (InputSplit split : InputSplits.of(external.inputSource())) {
      checkNotCancelled();
      if (sink.isSatisfied()) {
        return;
      }
      reader.process(split, receiver);
    }
  }

  private void readTable(int stageNumber, TableInputSpec table, Set<String> columns, InProcessRowSink sink) {
    SegmentRows segmentRows = new SegmentRows(table.signature(), columns);
    InProcessCounters.Counter rows = counters.counter(stageNumber, CounterNames.INPUT0, "rows");
    InProcessCounters.Counter files = counters.counter(stageNumber, CounterNames.INPUT0, "files");
    for (TableInputSpec.SegmentFile segment : table.segments()) {
      checkNotCancelled();
      if (sink.isSatisfied()) {
        return;
      }
      SegmentReader reader = segments.borrow(segment.path());
      try {
        segmentRows.read(reader, segment, row -> {
          push(row, sink);
          rows.inc();
        });
      } finally {
        segments.giveBack(segment.path(), reader);
      }
      files.inc();
    }
  }

  /** Hands a row to the sink unless the job was cancelled or the sink needs no more rows. */
  private void push(Object[] row, InProcessRowSink sink) {
    checkNotCancelled();
    if (sink.isSatisfied()) {
      throw new EnoughRows();
    }
    sink.accept(row);
  }

  private void checkNotCancelled() {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("The in-process job was cancelled");
    }
  }

  /** Ends a read early; cheap (no stack trace) because it is control flow, not a failure. */
  private static final class EnoughRows extends RuntimeException {
    EnoughRows() {
      super(null, null, false, false);
    }
  }
}
