package io.msqbeam.runners;

import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.pipelines.stage.QueryPipelines;
import io.msqbeam.translator.plan.QueryPlan;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Runs plans on Beam's DirectRunner, detached ({@code blockOnRun=false}) so that state, live counters
 * and cancel work while the job runs. Immutability and encodability checks are off outside tests:
 * they cost more than the job.
 */
public final class DirectJobRunner implements Runner {
  private final boolean checks;

  public DirectJobRunner(boolean checks) {
    this.checks = checks;
  }

  @Override
  public String name() {
    return "direct";
  }

  @Override
  public RunningJob submit(QueryPlan plan, PipelineSettings settings) {
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    options.setBlockOnRun(false);
    options.setEnforceImmutability(checks);
    options.setEnforceEncodability(checks);
    options.setTargetParallelism(Math.max(1, plan.stages().get(0).maxWorkerCount()));
    options.setJobName(plan.queryId().replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(java.util.Locale.ROOT));
    Pipeline pipeline = Pipeline.create(options);
    QueryPipelines.build(pipeline, plan, settings);
    return new DirectJob(pipeline.run());
  }

  /** A DirectRunner job; a watcher thread waits for its end to capture the failure cause. */
  private static final class DirectJob implements RunningJob {
    private final PipelineResult result;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile JobState state = JobState.RUNNING;
    private volatile Throwable failure;
    private volatile boolean cancelRequested;

    DirectJob(PipelineResult result) {
      this.result = result;
      Thread watcher = new Thread(this::watch, "direct-job-watcher");
      watcher.setDaemon(true);
      watcher.start();
    }

    private void watch() {
      try {
        PipelineResult.State end = result.waitUntilFinish();
        state = cancelRequested || end == PipelineResult.State.CANCELLED ? JobState.CANCELLED
            : end == PipelineResult.State.DONE ? JobState.SUCCEEDED : JobState.FAILED;
      } catch (Throwable t) {
        failure = t;
        state = cancelRequested ? JobState.CANCELLED : JobState.FAILED;
      } finally {
        done.countDown();
      }
    }

    @Override
    public JobState state() {
      return state;
    }

    @Override
    public StageCounters counters() {
      try {
        return BeamCounters.from(result.metrics().queryMetrics(MetricsFilter.builder().build()), false);
      } catch (RuntimeException e) {
        return StageCounters.EMPTY;
      }
    }

    @Override
    public void cancel() {
      cancelRequested = true;
      try {
        result.cancel();
      } catch (java.io.IOException | RuntimeException e) {
        throw new IllegalStateException("Cannot cancel the DirectRunner job", e);
      }
    }

    @Override
    public JobState await(Duration timeout) throws InterruptedException {
      done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return state;
    }

    @Override
    public Throwable failure() {
      return failure;
    }
  }
}
