package io.msqbeam.runners;

import io.msqbeam.pipelines.stage.InProcessCounters;
import io.msqbeam.pipelines.stage.InProcessPlanExecutor;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.translator.plan.QueryPlan;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One plan run by {@link InProcessRunner}: RUNNING from submission (queued or running) until the
 * executor returns. Cancel raises a flag the executor checks between rows; a job cancelled before it
 * ended is CANCELLED whatever happened after. The failure is the executor's exception itself, so a
 * {@code FaultException} is found as on Beam.
 */
final class InProcessJob implements RunningJob {
  private final InProcessPlanExecutor executor;
  private final QueryPlan plan;
  private final PipelineSettings settings;
  private final InProcessCounters counters = new InProcessCounters();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile JobState state = JobState.RUNNING;
  private volatile Throwable failure;
  private volatile boolean cancelRequested;

  InProcessJob(InProcessPlanExecutor executor, QueryPlan plan, PipelineSettings settings) {
    this.executor = executor;
    this.plan = plan;
    this.settings = settings;
  }

  void run() {
    JobState end;
    try {
      if (!cancelRequested) {
        executor.execute(plan, settings, counters, () -> cancelRequested);
      }
      end = JobState.SUCCEEDED;
    } catch (CancellationException e) {
      end = JobState.CANCELLED;
    } catch (Throwable t) {
      failure = t;
      end = JobState.FAILED;
    }
    state = cancelRequested ? JobState.CANCELLED : end;
    done.countDown();
  }

  @Override
  public JobState state() {
    return state;
  }

  @Override
  public StageCounters counters() {
    return new StageCounters(counters.snapshot());
  }

  @Override
  public void cancel() {
    cancelRequested = true;
  }

  @Override
  public JobState await(Duration timeout) throws InterruptedException {
    done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return state;
  }

  @Override
  public Throwable failure() {
    return state == JobState.FAILED ? failure : null;
  }
}
