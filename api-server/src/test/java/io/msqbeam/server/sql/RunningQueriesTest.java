package io.msqbeam.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.runners.JobState;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.runners.StageCounters;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunningQueriesTest {
  private final RunningQueries queries = new RunningQueries();

  /** A job that only records whether it was cancelled. */
  private static final class FakeJob implements RunningJob {
    private boolean cancelled;

    @Override
    public JobState state() {
      return cancelled ? JobState.CANCELLED : JobState.RUNNING;
    }

    @Override
    public StageCounters counters() {
      return StageCounters.EMPTY;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public JobState await(Duration timeout) {
      return state();
    }

    @Override
    public Throwable failure() {
      return null;
    }
  }

  @Test
  void cancelsEveryRunningQueryThatSharesTheId() {
    RunningQuery first = queries.register("shared");
    RunningQuery second = queries.register("shared");
    RunningQuery other = queries.register("other");
    FakeJob firstJob = new FakeJob();
    first.attach(firstJob);

    assertThat(queries.cancel("shared")).isTrue();

    assertThat(first.isCancelled()).isTrue();
    assertThat(second.isCancelled()).isTrue();
    assertThat(other.isCancelled()).isFalse();
    assertThat(firstJob.cancelled).isTrue();
  }

  @Test
  void cancelsAJobAttachedAfterTheCancelArrived() {
    RunningQuery query = queries.register("early");
    queries.cancel("early");
    FakeJob job = new FakeJob();
    query.attach(job);
    assertThat(job.cancelled).isTrue();
  }

  @Test
  void findsNothingToCancelForAnUnknownOrFinishedQuery() {
    RunningQuery finished = queries.register("done");
    queries.remove(finished);
    assertThat(queries.cancel("done")).isFalse();
    assertThat(queries.cancel("never-seen")).isFalse();
  }
}
