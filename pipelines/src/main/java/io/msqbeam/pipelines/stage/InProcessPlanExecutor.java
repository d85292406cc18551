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
import io.msqbeam.translator.plan.TableInputSpec;
import io.msqbeam.translator.plan.TaskReportDestination;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.apache.beam.sdk.metrics.MetricsEnvironment;

/**
 * Runs a small SELECT plan in the calling thread with the same per-row logic as the Beam pipelines
 * ({@link QueryPipelines}), for interactive latency: a DirectRunner pipeline costs 100–140 ms before it
 * reads a row, this costs what the rows cost.
 *
 * <p>The stages become a chain of {@link InProcessRowSink}s that rows stream through: the first
 * stage's input is read row by row, a groupBy is a hash map, a sort with LIMIT a bounded heap, and the
 * last stage writes the same {@code results.jsonl} ({@link JobOutputs}) as the Beam path. Counters
 * have the Beam path's names. Memory is bounded by {@link InProcessLimits}: a plan that outgrows them,
 * or has a shape this executor does not run (ingestion, several inputs), is refused with
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
   * Why this executor does not run {@code plan}, if it does not: it runs SELECTs whose first stage
   * (scan or groupBy) reads external data or a table and whose later stages (groupBy post-shuffle,
   * limit) each read the stage before.
   */
  public static Optional<String> refusal(QueryPlan plan) {
    if (!(plan.destination() instanceof TaskReportDestination)) {
      return Optional.of("it writes segments; ingestion runs on a pipeline runner");
    }
    List<StageDefinition> stages = plan.stages();
    for (int i = 0; i < stages.size(); i++) {
      StageDefinition stage = stages.get(i);
      if (stage.input().size() != 1) {
        return Optional.of("stage " + i + " has " + stage.input().size() + " inputs");
      }
      InputSpec input = stage.input().get(0);
      boolean readsSource = input instanceof ExternalInputSpec || input instanceof TableInputSpec;
      boolean firstStage = i == 0 && readsSource
          && (stage.processor() instanceof ScanProcessor || stage.processor() instanceof GroupByPreShuffleProcessor);
      boolean laterStage = i > 0 && input instanceof StageInputSpec previous && previous.stage() == i - 1
          && (stage.processor() instanceof GroupByPostShuffleProcessor || stage.processor() instanceof LimitProcessor);
      if (!firstStage && !laterStage) {
        return Optional.of("stage " + i + " (" + stage.processor().getClass().getSimpleName() + " over "
            + input.getClass().getSimpleName() + ") is not part of a single chain of stages");
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
      InProcessRowSink chain = results;
      for (int i = plan.stages().size() - 1; i >= 0; i--) {
        chain = stage(plan, plan.stages().get(i), counters, chain);
      }
      new InProcessInputs(segments, counters, cancelled).read(plan, chain);
      chain.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restore the metrics environment", e);
    }
  }

  private InProcessRowSink stage(QueryPlan plan, StageDefinition stage, InProcessCounters counters,
      InProcessRowSink downstream) {
    int n = stage.stageNumber();
    if (stage.processor() instanceof ScanProcessor scan) {
      return new InProcessScanStage(n, sourceSignature(stage.input().get(0)), scan.query(), counters, downstream);
    }
    if (stage.processor() instanceof GroupByPreShuffleProcessor pre) {
      return new InProcessGroupByStage(n, sourceSignature(stage.input().get(0)), pre.query(), limits, counters,
          downstream);
    }
    if (stage.processor() instanceof GroupByPostShuffleProcessor post) {
      return new InProcessPostShuffleStage(n, post.query(), counters, downstream);
    }
    if (stage.processor() instanceof LimitProcessor limit) {
      StageDefinition previous = plan.stages().get(((StageInputSpec) stage.input().get(0)).stage());
      RowOrdering ordering = new RowOrdering(previous.signature(),
          previous.shuffleSpec() == null ? List.of() : previous.shuffleSpec().clusterBy().columns());
      return new InProcessLimitStage(n, ordering, limit.offset(), limit.limit(), limits, counters, downstream);
    }
    throw new IllegalStateException("checkRunnable admitted " + stage.processor());
  }

  private static List<ColumnSignature> sourceSignature(InputSpec input) {
    return input instanceof ExternalInputSpec external ? external.signature() : ((TableInputSpec) input).signature();
  }
}
