package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.GroupByPostShuffleProcessor;
import io.msqbeam.translator.plan.GroupByPreShuffleProcessor;
import io.msqbeam.translator.plan.InputSpec;
import io.msqbeam.translator.plan.LimitProcessor;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.StageInputSpec;
import io.msqbeam.translator.plan.StageProcessor;
import io.msqbeam.translator.plan.TableInputSpec;
import io.msqbeam.translator.plan.TaskReportDestination;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.apache.beam.sdk.metrics.MetricsEnvironment;

/**
 * Runs a small SELECT plan in the calling thread with the same per-row logic as the Beam pipelines
 * ({@link QueryPipelines}), for interactive latency: a DirectRunner pipeline costs 100–140 ms before it
 * reads a row, this costs what the rows cost.
 *
 * <p>The stages become a tree of {@link InProcessRowSink}s that rows stream through: each input read
 * from external data or a table is read row by row, in plan order, a groupBy is a hash map, a sort with LIMIT a bounded heap, and the
 * last stage writes the same {@code results.jsonl} ({@link JobOutputs}) as the Beam path. Counters
 * have the Beam path's names. Memory is bounded by {@link InProcessLimits}: a plan that outgrows them,
 * or has a shape this executor does not run (ingestion, a stage read twice), is refused with
 * {@link InProcessRefusalException} before anything is written, so the caller can run it on Beam.
 *
 * <p>Rows come out in the plan's order where the plan orders them; elsewhere in arrival order, which
 * is as good as any Beam order.
 */
public final class InProcessPlanExecutor {
  private final InProcessLimits limits;
  private final InProcessSegmentCache segments;

  public InProcessPlanExecutor(InProcessLimits limits, InProcessSegmentCache segments) {
    this.limits = limits;
    this.segments = segments;
  }

  /**
   * Why this executor does not run {@code plan}, if it does not: it runs SELECTs whose stages (scan,
   * groupBy, limit) form a tree, each stage's output read by one later stage at most, and every
   * groupByPostShuffle reading the groupByPreShuffle made for it.
   */
  public static Optional<String> refusal(QueryPlan plan) {
    if (!(plan.destination() instanceof TaskReportDestination)) {
      return Optional.of("it writes segments; ingestion runs on a pipeline runner");
    }
    List<StageDefinition> stages = plan.stages();
    Set<Integer> consumed = new HashSet<>();
    for (int i = 0; i < stages.size(); i++) {
      StageDefinition stage = stages.get(i);
      for (InputSpec input : stage.input()) {
        if (input instanceof StageInputSpec source && !consumed.add(source.stage())) {
          return Optional.of("stage " + source.stage() + " is read by more than one stage");
        }
      }
      StageProcessor processor = stage.processor();
      boolean runs = processor instanceof ScanProcessor || processor instanceof GroupByPreShuffleProcessor
          || processor instanceof LimitProcessor
          || processor instanceof GroupByPostShuffleProcessor && stage.input().size() == 1
          && stage.input().get(0) instanceof StageInputSpec pre
          && stages.get(pre.stage()).processor() instanceof GroupByPreShuffleProcessor;
      if (!runs || stage.input().size() != 1) {
        return Optional.of("stage " + i + " (" + processor.getClass().getSimpleName() + " over "
            + stage.input().size() + " input(s)) is not run in-process");
      }
    }
    return Optional.empty();
  }

  /** Throws {@link InProcessRefusalException} if this executor does not run {@code plan}. */
  public static void checkRunnable(QueryPlan plan) {
    Optional<String> refusal = refusal(plan);
    if (refusal.isPresent()) {
      throw InProcessRefusalException.unsupported(refusal.get());
    }
  }

  /**
   * Runs {@code plan} to its end, writing its results under {@code settings.outputDir()}.
   *
   * @param cancelled checked between rows; once true the run stops with a {@link CancellationException}
   * @throws InProcessRefusalException if the plan is not runnable here or outgrew the limits
   */
  public void execute(QueryPlan plan, PipelineSettings settings, InProcessCounters counters,
      BooleanSupplier cancelled) {
    checkRunnable(plan);
    try (InProcessResultsSink results = new InProcessResultsSink(plan, settings.outputDir(), limits);
        Closeable metrics = MetricsEnvironment.scopedMetricsContainer(new InProcessMetricsContainer(counters))) {
      List<SourceRead> reads = new ArrayList<>();
      wire(plan, plan.stages().size() - 1, results, counters, reads);
      InProcessInputs inputs = new InProcessInputs(segments, counters, cancelled);
      for (SourceRead read : reads) {
        inputs.read(plan, read.stage(), read.inputNumber(), read.sink());
        read.sink().finish();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restore the metrics environment", e);
    }
  }

  /** One input of the plan that is read from external data or a table, and the sink its rows go to. */
  private record SourceRead(StageDefinition stage, int inputNumber, InProcessRowSink sink) {}

  /**
   * Builds the sinks of {@code stageIndex} and, depth first, of the stages it reads, collecting the
   * external and table inputs in the order they must be read: every input of a stage before the
   * next, so a stage has seen all of one input when the next one starts.
   */
  private void wire(QueryPlan plan, int stageIndex, InProcessRowSink downstream, InProcessCounters counters,
      List<SourceRead> reads) {
    StageDefinition stage = plan.stages().get(stageIndex);
    List<InProcessRowSink> inputs = stage(plan, stage, counters, downstream);
    for (int i = 0; i < stage.input().size(); i++) {
      if (stage.input().get(i) instanceof StageInputSpec source) {
        wire(plan, source.stage(), inputs.get(i), counters, reads);
      } else {
        reads.add(new SourceRead(stage, i, inputs.get(i)));
      }
    }
  }

  /** The sinks of one stage, one per input, that push the stage's output rows into {@code downstream}. */
  private List<InProcessRowSink> stage(QueryPlan plan, StageDefinition stage, InProcessCounters counters,
      InProcessRowSink downstream) {
    int n = stage.stageNumber();
    if (stage.processor() instanceof ScanProcessor scan) {
      return List.of(new InProcessScanStage(n, inputSignature(plan, stage.input().get(0)), scan.query(), counters,
          downstream));
    }
    if (stage.processor() instanceof GroupByPreShuffleProcessor pre) {
      return List.of(new InProcessGroupByStage(n, inputSignature(plan, stage.input().get(0)), pre.query(), limits,
          counters, downstream));
    }
    if (stage.processor() instanceof GroupByPostShuffleProcessor post) {
      return List.of(new InProcessPostShuffleStage(n, post.query(), counters, downstream));
    }
    if (stage.processor() instanceof LimitProcessor limit) {
      StageDefinition previous = plan.stages().get(((StageInputSpec) stage.input().get(0)).stage());
      RowOrdering ordering = new RowOrdering(previous.signature(),
          previous.shuffleSpec() == null ? List.of() : previous.shuffleSpec().clusterBy().columns());
      return List.of(new InProcessLimitStage(n, ordering, limit.offset(), limit.limit(), limits, counters,
          downstream));
    }
    throw new IllegalStateException("checkRunnable admitted " + stage.processor());
  }

  private static List<ColumnSignature> inputSignature(QueryPlan plan, InputSpec input) {
    if (input instanceof ExternalInputSpec external) {
      return external.signature();
    }
    if (input instanceof TableInputSpec table) {
      return table.signature();
    }
    return plan.stages().get(((StageInputSpec) input).stage()).signature();
  }
}
