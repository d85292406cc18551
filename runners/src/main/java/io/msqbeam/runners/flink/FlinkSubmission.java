package io.msqbeam.runners.flink;

import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.pipelines.stage.QueryPipelines;
import io.msqbeam.translator.plan.QueryPlan;
import java.util.Locale;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.flink.api.common.JobID;

/**
 * Translates a plan's pipeline with Beam's FlinkRunner and submits it through an executor, the same
 * for the embedded and a remote cluster: master {@code [auto]} makes Beam take the Flink environment
 * that {@link ContextEnvironments} installs, so {@link ClusterClientExecutor} decides where the job
 * goes and which jars travel with it, and hands back the job id.
 */
final class FlinkSubmission {
  private FlinkSubmission() {}

  static JobID submit(QueryPlan plan, PipelineSettings pipelineSettings, int parallelism,
      boolean useDataStreamForBatch, ClusterClientExecutor executor) {
    FlinkPipelineOptions options = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
    options.setRunner(FlinkRunner.class);
    options.setFlinkMaster("[auto]");
    options.setAttachedMode(false);
    options.setParallelism(parallelism);
    options.setUseDataStreamForBatch(useDataStreamForBatch);
    options.setJobName(plan.queryId().replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(Locale.ROOT));
    Pipeline pipeline = Pipeline.create(options);
    QueryPipelines.build(pipeline, plan, pipelineSettings);
    ContextEnvironments.with(executor, pipeline::run);
    return executor.submittedJob();
  }

  /**
   * The plan's worker count ({@code maxNumTasks} - 1, as in Druid), at most {@code available}: the
   * slots a job may take on its cluster.
   */
  static int parallelism(QueryPlan plan, int available) {
    return Math.max(1, Math.min(available, plan.stages().get(0).maxWorkerCount()));
  }
}
