package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;

/**
 * Sends the Flink program that Beam translated to the long-running MiniCluster, detached, and
 * remembers the job id. Flink's own executors cannot do this: {@code local} starts a MiniCluster per
 * job and {@code remote} ships every jar of the class path through REST. The job graph carries no
 * jars, so the job's classes are the server's, and a fault thrown in the job deserialises as the
 * same class the server catches. One instance per submission.
 */
final class MiniClusterExecutor implements PipelineExecutor, PipelineExecutorFactory, PipelineExecutorServiceLoader {
  private static final String NAME = "msq-beam-embedded";

  private final MiniCluster miniCluster;
  private volatile JobID submitted;

  MiniClusterExecutor(MiniCluster miniCluster) {
    this.miniCluster = requireNonNull(miniCluster, "miniCluster is null");
  }

  /** The id of the job this executor submitted. */
  JobID submittedJob() {
    if (submitted == null) {
      throw new IllegalStateException("No job was submitted to the embedded Flink cluster");
    }
    return submitted;
  }

  @Override
  public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration, ClassLoader classLoader)
      throws Exception {
    JobGraph jobGraph = PipelineExecutorUtils.getJobGraph(pipeline, configuration, classLoader);
    return miniCluster.submitJob(jobGraph).thenApply(submission -> {
      submitted = submission.getJobID();
      return new MiniClusterJobClient(submission.getJobID(), miniCluster, classLoader,
          MiniClusterJobClient.JobFinalizationBehavior.NOTHING);
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
}
