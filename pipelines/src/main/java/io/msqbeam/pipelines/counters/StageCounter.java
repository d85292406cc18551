package io.msqbeam.pipelines.counters;

import java.io.Serializable;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricsContainer;
import org.apache.beam.sdk.metrics.MetricsEnvironment;

/**
 * A Druid counter field of a stage, counted per worker: the Beam counter it increments is named
 * after the worker that runs it ({@link WorkerNumber}), chosen on the first increment, i.e. where the
 * DoFn holding it runs, not where the pipeline was built.
 */
public final class StageCounter implements Counter, Serializable {
  private static final long serialVersionUID = 1L;

  private final int stage;
  private final String counter;
  private final String field;
  private transient MetricName workerName;
  /** The container of the last increment and its cell of this counter: see {@link #inc(long)}. */
  private transient MetricsContainer lastContainer;
  private transient Counter lastCell;

  private StageCounter(int stage, String counter, String field) {
    this.stage = stage;
    this.counter = counter;
    this.field = field;
  }

  /** {@code field} of {@code counter} of stage {@code stage}, e.g. {@code (0, "input0", "rows")}. */
  public static StageCounter of(int stage, String counter, String field) {
    return new StageCounter(stage, counter, field);
  }

  @Override
  public void inc() {
    inc(1);
  }

  /**
   * Adds to the cell of the current metrics container, as Beam's own counters do, but looks the cell
   * up only when the container changes (per bundle on the DirectRunner, once per task on Flink):
   * several counters are incremented per row, and the per-call lookup by name was a few per cent of
   * reading a file.
   */
  @Override
  public void inc(long n) {
    MetricsContainer container = MetricsEnvironment.getCurrentContainer();
    if (container == null) {
      return;
    }
    if (container != lastContainer) {
      if (workerName == null) {
        workerName = MetricName.named(CounterNames.namespace(stage),
            CounterNames.name(counter, field, WorkerNumber.current()));
      }
      lastCell = container.getCounter(workerName);
      lastContainer = container;
    }
    lastCell.inc(n);
  }

  @Override
  public void dec() {
    inc(-1);
  }

  @Override
  public void dec(long n) {
    inc(-n);
  }

  @Override
  public MetricName getName() {
    return MetricName.named(CounterNames.namespace(stage), CounterNames.name(counter, field));
  }
}
