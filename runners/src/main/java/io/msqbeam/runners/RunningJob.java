package io.msqbeam.runners;

import java.time.Duration;

/** A job submitted to a runner: its state, live counters, cancel, and why it failed. */
public interface RunningJob {
  JobState state();

  /** The counters so far (live while the job runs, final after it ends). */
  StageCounters counters();

  /** Asks the runner to stop the job; the job then ends CANCELLED. */
  void cancel();

  /** Waits up to {@code timeout} for a terminal state and returns the state then. */
  JobState await(Duration timeout) throws InterruptedException;

  /** The failure of a FAILED job (null otherwise). */
  Throwable failure();

  /** How many workers run each stage (a report's {@code workerCount}); runners that do not split a stage say 1. */
  default int workerCount() {
    return 1;
  }
}
