package io.msqbeam.pipelines.counters;

import java.io.Serializable;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;

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
  private transient Counter workerCounter;

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

  @Override
  public void inc(long n) {
    Counter target = workerCounter;
    if (target == null) {
      target = Metrics.counter(CounterNames.namespace(stage), CounterNames.name(counter, field, WorkerNumber.current()));
      workerCounter = target;
    }
    target.inc(n);
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
