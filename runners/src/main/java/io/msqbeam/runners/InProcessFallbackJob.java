package io.msqbeam.runners;

import io.msqbeam.pipelines.stage.InProcessRefusalException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A job that started in-process and moves to the fallback runner if the in-process executor refuses
 * it while running. The move happens on the first look at the job after the refusal (state, await,
 * counters…), so it needs no thread of its own; a job cancelled before the move never moves.
 */
final class InProcessFallbackJob implements RunningJob {
  private final RunningJob first;
  private final Supplier<RunningJob> fallback;
  private RunningJob second;
  private boolean cancelRequested;

  InProcessFallbackJob(RunningJob first, Supplier<RunningJob> fallback) {
    this.first = first;
    this.fallback = fallback;
  }

  /** The job that counts now, after moving to the fallback runner if the first one was refused. */
  private synchronized RunningJob current() {
    if (second == null && !cancelRequested && first.state() == JobState.FAILED
        && first.failure() instanceof InProcessRefusalException) {
      second = fallback.get();
    }
    return second != null ? second : first;
  }

  @Override
  public JobState state() {
    RunningJob job = current();
    synchronized (this) {
      if (job == first && cancelRequested && first.failure() instanceof InProcessRefusalException) {
        return JobState.CANCELLED;
      }
    }
    return job.state();
  }

  @Override
  public StageCounters counters() {
    return current().counters();
  }

  @Override
  public synchronized void cancel() {
    cancelRequested = true;
    (second != null ? second : first).cancel();
  }

  @Override
  public JobState await(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    first.await(timeout);
    RunningJob job = current();
    if (job != first) {
      Duration left = Duration.between(Instant.now(), deadline);
      job.await(left.isNegative() ? Duration.ZERO : left);
    }
    return state();
  }

  @Override
  public Throwable failure() {
    RunningJob job = current();
    return state() == JobState.FAILED ? job.failure() : null;
  }
}
