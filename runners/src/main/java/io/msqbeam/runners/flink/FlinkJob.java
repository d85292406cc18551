package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.runners.JobState;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.runners.StageCounters;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.runtime.clusterframework.ApplicationStatus;
import org.apache.flink.runtime.jobmaster.JobResult;

/**
 * A job on a Flink cluster (the embedded one or a remote session cluster), known by its Flink job id
 * and reached through a {@link ClusterClient}: state, cancel and the end result go to Flink itself, since Beam's detached result cannot observe a failure's cause. The failure is
 * deserialised with the server's class loader, so a pipeline's {@code FaultException} comes back as
 * itself in the cause chain. Beam's metrics reach Flink only as each task ends, so while the job runs
 * {@link #counters()} shows Beam's counters of the tasks that have finished, raised by what Flink
 * itself counts live in the running ones ({@link LiveOperatorCounters}), and never less than it
 * showed before. Once the job succeeds it shows Beam's exact final counters; after a failure or a
 * cancel, the last live ones.
 */
final class FlinkJob implements RunningJob {
  private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(10);
  /** Callers polling faster than this share one REST read; Flink's metrics refresh no faster anyway. */
  private static final long LIVE_READ_INTERVAL_NANOS = Duration.ofMillis(200).toNanos();

  private final ClusterClient<?> client;
  private final JobID jobId;
  private final int parallelism;
  private final ClassLoader classLoader;
  private final CompletableFuture<JobResult> result;
  private final LiveOperatorCounters liveReader;
  private StageCounters live = StageCounters.EMPTY;
  private long liveReadAt;
  private volatile boolean cancelRequested;
  private volatile StageCounters finalCounters;
  private volatile Throwable failure;

  FlinkJob(ClusterClient<?> client, JobID jobId, int parallelism, ClassLoader classLoader,
      LiveOperatorCounters liveReader) {
    this.client = requireNonNull(client, "client is null");
    this.jobId = requireNonNull(jobId, "jobId is null");
    this.parallelism = parallelism;
    this.classLoader = requireNonNull(classLoader, "classLoader is null");
    this.liveReader = requireNonNull(liveReader, "liveReader is null");
    this.result = client.requestJobResult(jobId);
  }

  JobID jobId() {
    return jobId;
  }

  /** The job's parallelism: how many subtasks run each stage, Druid's workers. */
  @Override
  public int workerCount() {
    return parallelism;
  }

  @Override
  public JobState state() {
    if (result.isDone()) {
      return endState();
    }
    JobStatus status;
    try {
      status = client.getJobStatus(jobId).get(STATUS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JobState.RUNNING;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot get the status of Flink job " + jobId, e);
    }
    // The job result decides the terminal state, so the cause and counters are there when it shows.
    return status.isGloballyTerminalState() ? endState() : JobState.RUNNING;
  }

  private JobState endState() {
    if (cancelRequested) {
      return JobState.CANCELLED;
    }
    if (result.isCompletedExceptionally()) {
      return JobState.FAILED;
    }
    return switch (result.join().getApplicationStatus()) {
      case SUCCEEDED -> JobState.SUCCEEDED;
      case CANCELED -> JobState.CANCELLED;
      case FAILED, UNKNOWN -> JobState.FAILED;
    };
  }

  @Override
  public StageCounters counters() {
    if (!result.isDone()) {
      return liveCounters();
    }
    if (result.isCompletedExceptionally() || result.join().getApplicationStatus() != ApplicationStatus.SUCCEEDED) {
      return lastLiveCounters();
    }
    if (finalCounters == null) {
      finalCounters = AccumulatorCounters.fromSerialized(result.join().getAccumulatorResults(), classLoader);
    }
    return finalCounters;
  }

  private synchronized StageCounters liveCounters() {
    long now = System.nanoTime();
    if (liveReadAt != 0 && now - liveReadAt < LIVE_READ_INTERVAL_NANOS) {
      return live;
    }
    StageCounters read;
    try {
      read = StageCounters.atLeast(finishedTaskCounters(), liveReader.read());
    } catch (IllegalStateException e) {
      if (result.isDone()) {
        // The job ended during the read; its end result answers instead.
        return counters();
      }
      throw e;
    }
    live = StageCounters.atLeast(live, read);
    liveReadAt = now;
    return live;
  }

  /**
   * Beam's exact counters of the tasks that have finished: Beam registers its accumulator as a task
   * ends, and the task's final state carries it to the job's execution graph while the job runs on.
   */
  private StageCounters finishedTaskCounters() {
    try {
      return AccumulatorCounters.from(client.getAccumulators(jobId, classLoader)
          .get(STATUS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StageCounters.EMPTY;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot get the accumulators of Flink job " + jobId, e);
    }
  }

  private synchronized StageCounters lastLiveCounters() {
    return live;
  }

  @Override
  public void cancel() {
    cancelRequested = true;
    if (result.isDone()) {
      return;
    }
    try {
      client.cancel(jobId).get(STATUS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      if (!result.isDone()) {
        throw new IllegalStateException("Cannot cancel Flink job " + jobId, e);
      }
    }
  }

  @Override
  public JobState await(Duration timeout) throws InterruptedException {
    try {
      result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return JobState.RUNNING;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Lost track of Flink job " + jobId, e.getCause());
    }
    return state();
  }

  @Override
  public Throwable failure() {
    if (!result.isDone() || state() != JobState.FAILED) {
      return null;
    }
    if (failure == null && result.isCompletedExceptionally()) {
      failure = result.handle((r, t) -> t).join();
    } else if (failure == null) {
      Throwable cause = result.join().getSerializedThrowable()
          .map(serialized -> serialized.deserializeError(classLoader))
          .orElseGet(() -> new IllegalStateException("Flink job " + jobId + " failed without a cause"));
      failure = FaultException.find(cause) != null ? cause : LostTaskManager.fault(cause).map(fault -> {
        FaultException lost = new FaultException(fault);
        lost.initCause(cause);
        return (Throwable) lost;
      }).orElse(cause);
    }
    return failure;
  }
}
