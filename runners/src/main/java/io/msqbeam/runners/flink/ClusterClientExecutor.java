package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.jobgraph.JobGraph;

/**
 * Sends the Flink program that Beam translated to a running cluster through a {@link ClusterClient},
 * detached, and remembers the job id. Flink's own executors do not fit: {@code local} starts a
 * MiniCluster per job, and {@code remote} ships every jar of the class path. Here the job graph
 * carries exactly {@code jars}: none for the embedded cluster, whose jobs use the server's classes;
 * the one job jar for a remote cluster, whose TaskManagers have only Flink on their class path.
 * One instance per submission.
 */
final class ClusterClientExecutor implements PipelineExecutor, PipelineExecutorFactory, PipelineExecutorServiceLoader {
  private static final String NAME = "msq-beam-cluster-client";

  private final ClusterClient<?> client;
  private final List<URL> jars;
  private volatile JobID submitted;

  ClusterClientExecutor(ClusterClient<?> client, List<URL> jars) {
    this.client = requireNonNull(client, "client is null");
    this.jars = List.copyOf(requireNonNull(jars, "jars is null"));
  }

  /** The id of the job this executor submitted. */
  JobID submittedJob() {
    if (submitted == null) {
      throw new IllegalStateException("No job was submitted to the Flink cluster");
    }
    return submitted;
  }

  @Override
  public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration, ClassLoader classLoader)
      throws Exception {
    Configuration withJars = new Configuration(configuration);
    withJars.set(PipelineOptions.JARS, jars.stream().map(URL::toString).toList());
    JobGraph jobGraph = PipelineExecutorUtils.getJobGraph(pipeline, withJars, classLoader);
    return client.submitJob(jobGraph).thenApply(jobId -> {
      submitted = jobId;
      return new SubmittedJob(client, jobId);
    });
  }

  @Override
  public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
    return this;
  }

  @Override
  public Stream<String> getExecutorNames() {
    return Stream.of(NAME);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isCompatibleWith(Configuration configuration) {
    return true;
  }

  @Override
  public PipelineExecutor getExecutor(Configuration configuration) {
    return this;
  }

  /**
   * What Beam's detached result holds. Flink's own adapter closes its client after every call, which
   * would close the runner's shared client; nothing calls this one anyway, {@link FlinkJob} drives the job.
   */
  private record SubmittedJob(ClusterClient<?> client, JobID jobId) implements JobClient {
    @Override
    public JobID getJobID() {
      return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
      return client.getJobStatus(jobId);
    }

    @Override
    public CompletableFuture<Void> cancel() {
      return client.cancel(jobId).thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String directory,
        SavepointFormatType formatType) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException("batch jobs take no savepoints"));
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String directory, SavepointFormatType formatType) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException("batch jobs take no savepoints"));
    }

    @Override
    public CompletableFuture<Map<String, Object>> getAccumulators() {
      return client.getAccumulators(jobId);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
      return CompletableFuture.failedFuture(new UnsupportedOperationException("FlinkJob follows the job by id"));
    }
  }
}
