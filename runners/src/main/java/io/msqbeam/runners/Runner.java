package io.msqbeam.runners;

import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.translator.plan.QueryPlan;

/** Runs query plans on one kind of Beam runner; jobs run detached and are observed through {@link RunningJob}. */
public interface Runner {
  /** The name the report shows ("direct", "flink"). */
  String name();

  RunningJob submit(QueryPlan plan, PipelineSettings settings);
}
