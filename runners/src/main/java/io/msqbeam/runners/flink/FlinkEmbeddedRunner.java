package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.runners.Runner;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.translator.plan.QueryPlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.MiniClusterClient;
import org.apache.flink.configuration.Configuration;

/**
 * Runs plans on a Flink MiniCluster started once with the runner and stopped by {@link #close()}.
 * Beam's FlinkRunner translates each plan's pipeline (master {@code [auto]}, detached) and
 * {@link ClusterClientExecutor} submits it to the running cluster, with no jars: jobs use the
 * server's classes. From then on the job is driven by its Flink job id ({@link FlinkJob}), because
 * Beam's detached result can neither report why a job failed nor, in attached mode, cancel it.
 */
public final class FlinkEmbeddedRunner implements Runner, AutoCloseable {
  private final FlinkClusterSettings settings;
  private final EmbeddedFlinkCluster cluster;
  /** Submits to, follows and cancels jobs on the MiniCluster in-process, as a remote cluster's REST client would. */
  private final MiniClusterClient client;
  /** Reads live job metrics from the cluster's REST API, shared by all jobs. */
  private final HttpClient http = HttpClient.newHttpClient();

  public FlinkEmbeddedRunner(FlinkClusterSettings settings) {
    this.settings = requireNonNull(settings, "settings is null");
    this.cluster = EmbeddedFlinkCluster.start(settings);
    this.client = new MiniClusterClient(new Configuration(), cluster.miniCluster());
  }

  public FlinkEmbeddedRunner() {
    this(FlinkClusterSettings.DEFAULTS);
  }

  @Override
  public String name() {
    return "flink";
  }

  /** The cluster's REST address, for Flink's own API (job list, per-vertex records, web tools). */
  public URI restAddress() {
    return cluster.restAddress();
  }

  @Override
  public RunningJob submit(QueryPlan plan, PipelineSettings pipelineSettings) {
    int parallelism = FlinkSubmission.parallelism(plan, settings.parallelism());
    JobID jobId = FlinkSubmission.submit(plan, pipelineSettings, parallelism, settings.useDataStreamForBatch(),
        new ClusterClientExecutor(client, List.of()));
    return new FlinkJob(client, jobId, parallelism, getClass().getClassLoader(),
        new LiveOperatorCounters(http, cluster.restAddress(), jobId));
  }

  @Override
  public void close() {
    client.close();
    cluster.close();
  }
}
