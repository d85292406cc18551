package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

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
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * A job on the embedded cluster, known by its Flink job id: state, cancel and the end result go to
 * Flink itself, since Beam's detached result cannot observe a failure's cause. The failure is
 * deserialised with the server's class loader, so a pipeline's {@code FaultException} comes back as
 * itself in the cause chain. Counters are final only: Beam's metrics reach Flink's job result at
 * job end, and until then {@link #counters()} is empty.
 */
final class FlinkJob implements RunningJob {
  private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(10);

  private final MiniCluster miniCluster;
  private final JobID jobId;
  private final ClassLoader classLoader;
  private final CompletableFuture<JobResult> result;
  private volatile boolean cancelRequested;
  private volatile StageCounters finalCounters;
  private volatile Throwable failure;

  FlinkJob(MiniCluster miniCluster, JobID jobId, ClassLoader classLoader) {
    this.miniCluster = requireNonNull(miniCluster, "miniCluster is null");
    this.jobId = requireNonNull(jobId, "jobId is null");
    this.classLoader = requireNonNull(classLoader, "classLoader is null");
    this.result = miniCluster.requestJobResult(jobId);
  }

  JobID jobId() {
    return jobId;
  }

  @Override
  public JobState state() {
    if (result.isDone()) {
      return endState();
    }
    JobStatus status;
    try {
      status = miniCluster.getJobStatus(jobId).get(STATUS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
      return StageCounters.EMPTY;
    }
    if (result.isCompletedExceptionally()) {
      return StageCounters.EMPTY;
    }
    if (finalCounters == null) {
      finalCounters = AccumulatorCounters.from(result.join().getAccumulatorResults(), classLoader);
    }
    return finalCounters;
  }

  @Override
  public void cancel() {
    cancelRequested = true;
    if (result.isDone()) {
      return;
    }
    try {
      miniCluster.cancelJob(jobId).get(STATUS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
      failure = result.join().getSerializedThrowable()
          .map(serialized -> serialized.deserializeError(classLoader))
          .orElseGet(() -> new IllegalStateException("Flink job " + jobId + " failed without a cause"));
    }
    return failure;
  }
}
