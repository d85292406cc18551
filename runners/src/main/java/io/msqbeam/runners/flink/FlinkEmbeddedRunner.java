package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.pipelines.stage.QueryPipelines;
import io.msqbeam.runners.Runner;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.translator.plan.QueryPlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.flink.api.common.JobID;

/**
 * Runs plans on a Flink MiniCluster started once with the runner and stopped by {@link #close()}.
 * Beam's FlinkRunner translates each plan's pipeline (master {@code [auto]}, detached) and
 * {@link MiniClusterExecutor} submits it to the running cluster; from then on the job is driven by
 * its Flink job id ({@link FlinkJob}), because Beam's detached result can neither report why a job
 * failed nor, in attached mode, cancel it.
 */
public final class FlinkEmbeddedRunner implements Runner, AutoCloseable {
  private final FlinkClusterSettings settings;
  private final EmbeddedFlinkCluster cluster;
  /** Reads live job metrics from the cluster's REST API, shared by all jobs. */
  private final HttpClient http = HttpClient.newHttpClient();

  public FlinkEmbeddedRunner(FlinkClusterSettings settings) {
    this.settings = requireNonNull(settings, "settings is null");
    this.cluster = EmbeddedFlinkCluster.start(settings);
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
    FlinkPipelineOptions options = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
    options.setRunner(FlinkRunner.class);
    options.setFlinkMaster("[auto]");
    options.setAttachedMode(false);
    options.setParallelism(parallelism(plan));
    options.setUseDataStreamForBatch(settings.useDataStreamForBatch());
    options.setJobName(plan.queryId().replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(Locale.ROOT));
    Pipeline pipeline = Pipeline.create(options);
    QueryPipelines.build(pipeline, plan, pipelineSettings);
    MiniClusterExecutor executor = new MiniClusterExecutor(cluster.miniCluster());
    ContextEnvironments.with(executor, pipeline::run);
    JobID jobId = executor.submittedJob();
    return new FlinkJob(cluster.miniCluster(), jobId, getClass().getClassLoader(),
        new LiveOperatorCounters(http, cluster.restAddress(), jobId));
  }

  /** The plan's worker count, as on the DirectRunner, capped by the cluster's configured parallelism. */
  private int parallelism(QueryPlan plan) {
    return Math.max(1, Math.min(settings.parallelism(), plan.stages().get(0).maxWorkerCount()));
  }

  @Override
  public void close() {
    cluster.close();
  }
}
