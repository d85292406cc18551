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
import io.msqbeam.translator.plan.InputNumberDataSource;
import io.msqbeam.translator.plan.JoinDataSource;
import io.msqbeam.translator.plan.QueryDataSource;
import io.msqbeam.translator.plan.SortMergeJoinProcessor;
import io.msqbeam.translator.plan.UnionDataSource;
import io.msqbeam.translator.plan.UnnestDataSource;
import io.msqbeam.translator.plan.WindowProcessor;
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
   * groupBy, limit, sort-merge join; over unions and joins) form a tree, each stage's output read by one later stage at most, and every
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
          || processor instanceof SortMergeJoinProcessor
          || processor instanceof WindowProcessor && stage.input().size() == 1
          || processor instanceof LimitProcessor && stage.input().size() == 1
          || processor instanceof GroupByPostShuffleProcessor && stage.input().size() == 1
          && stage.input().get(0) instanceof StageInputSpec pre
          && stages.get(pre.stage()).processor() instanceof GroupByPreShuffleProcessor;
      if (!runs) {
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
      InProcessInputs inputs = new InProcessInputs(segments, counters, cancelled, settings.outputDir());
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
   * next, so a stage has seen all of one input when the next one starts; inputs a join holds (the
   * broadcast ones, a sort-merge join's right input) before the rest.
   */
  private void wire(QueryPlan plan, int stageIndex, InProcessRowSink downstream, InProcessCounters counters,
      List<SourceRead> reads) {
    StageDefinition stage = plan.stages().get(stageIndex);
    List<InProcessRowSink> inputs = stage(plan, stage, counters, downstream);
    for (int i : readOrder(stage)) {
      if (stage.input().get(i) instanceof StageInputSpec source) {
        wire(plan, source.stage(), inputs.get(i), counters, reads);
      } else {
        reads.add(new SourceRead(stage, i, inputs.get(i)));
      }
    }
  }

  private static List<Integer> readOrder(StageDefinition stage) {
    List<Integer> held = new ArrayList<>();
    List<Integer> streamed = new ArrayList<>();
    for (int i = 0; i < stage.input().size(); i++) {
      boolean holds = stage.isBroadcast(i) || stage.processor() instanceof SortMergeJoinProcessor && i == 1;
      (holds ? held : streamed).add(i);
    }
    held.addAll(streamed);
    return held;
  }

  /** The sinks of one stage, one per input, that push the stage's output rows into {@code downstream}. */
  private List<InProcessRowSink> stage(QueryPlan plan, StageDefinition stage, InProcessCounters counters,
      InProcessRowSink downstream) {
    int n = stage.stageNumber();
    InProcessRowSink consumer;
    if (stage.processor() instanceof ScanProcessor scan) {
      consumer = new InProcessScanStage(n, StageInputRows.signature(plan, stage), scan.query(), counters, downstream);
    } else if (stage.processor() instanceof GroupByPreShuffleProcessor pre) {
      consumer = new InProcessGroupByStage(n, StageInputRows.signature(plan, stage), pre.query(), limits, counters,
          downstream);
    } else if (stage.processor() instanceof GroupByPostShuffleProcessor post) {
      return List.of(new InProcessPostShuffleStage(n, post.query(), counters, downstream));
    } else if (stage.processor() instanceof LimitProcessor limit) {
      StageDefinition previous = plan.stages().get(((StageInputSpec) stage.input().get(0)).stage());
      RowOrdering ordering = new RowOrdering(previous.signature(),
          previous.shuffleSpec() == null ? List.of() : previous.shuffleSpec().clusterBy().columns());
      return List.of(new InProcessLimitStage(n, ordering, limit.offset(), limit.limit(), limits, counters,
          downstream));
    } else if (stage.processor() instanceof WindowProcessor window) {
      return List.of(new InProcessWindowStage(n, window, inputSignature(plan, stage.input().get(0)), limits, counters,
          downstream));
    } else if (stage.processor() instanceof SortMergeJoinProcessor join) {
      JoinRows rows = new JoinRows(join.condition(), join.rightPrefix(), join.joinType(),
          inputSignature(plan, stage.input().get(0)), inputSignature(plan, stage.input().get(1)));
      InProcessHashJoin hashJoin = new InProcessHashJoin(n, rows, -1, limits, counting(counters, n, downstream));
      return List.of(hashJoin.left(), hashJoin.right());
    } else {
      throw new IllegalStateException("checkRunnable admitted " + stage.processor());
    }
    InProcessRowSink[] sinks = new InProcessRowSink[stage.input().size()];
    route(plan, stage, StageInputRows.dataSource(stage), consumer, sinks);
    return List.of(sinks);
  }

  /** Fills {@code sinks} (by input number) so that the rows of {@code dataSource} reach {@code consumer}. */
  private void route(QueryPlan plan, StageDefinition stage, QueryDataSource dataSource, InProcessRowSink consumer,
      InProcessRowSink[] sinks) {
    if (dataSource instanceof InputNumberDataSource input) {
      sinks[input.inputNumber()] = consumer;
    } else if (dataSource instanceof UnionDataSource union) {
      InProcessUnion rows = new InProcessUnion(union.dataSources().size(), consumer);
      List<ColumnSignature> unionSignature = StageInputRows.signature(plan, stage, union);
      for (InputNumberDataSource child : union.dataSources()) {
        sinks[child.inputNumber()] = rows.input(inputSignature(plan, stage.input().get(child.inputNumber())),
            unionSignature);
      }
    } else if (dataSource instanceof UnnestDataSource unnest) {
      UnnestRows rows = new UnnestRows(unnest, StageInputRows.signature(plan, stage, unnest.base()));
      route(plan, stage, unnest.base(), new InProcessUnnest(rows, consumer), sinks);
    } else {
      JoinDataSource join = (JoinDataSource) dataSource;
      JoinRows rows = new JoinRows(join.condition(), join.rightPrefix(), join.joinType(),
          StageInputRows.signature(plan, stage, join.left()), StageInputRows.signature(plan, stage, join.right()));
      InProcessHashJoin hashJoin = new InProcessHashJoin(stage.stageNumber(), rows,
          StageInputRows.maxBroadcastTablesSize(StageInputRows.context(stage)), limits, consumer);
      sinks[join.right().inputNumber()] = hashJoin.right();
      route(plan, stage, join.left(), hashJoin.left(), sinks);
    }
  }

  /** {@code downstream}, counting the stage's output rows on the way. */
  private static InProcessRowSink counting(InProcessCounters counters, int stageNumber, InProcessRowSink downstream) {
    InProcessCounters.Counter outputRows = counters.outputRows(stageNumber);
    return new InProcessRowSink() {
      @Override
      public void accept(Object[] row) {
        outputRows.inc();
        downstream.accept(row);
      }

      @Override
      public void finish() {
        downstream.finish();
      }

      @Override
      public boolean isSatisfied() {
        return downstream.isSatisfied();
      }
    };
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
