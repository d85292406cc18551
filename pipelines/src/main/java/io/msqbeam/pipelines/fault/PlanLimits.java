package io.msqbeam.pipelines.fault;

import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.StageDefinition;

/** Druid's static limits on a plan's shape (columns per stage, cluster-key columns), checked before a job starts. */
public final class PlanLimits {
  public static final int MAX_COLUMNS = 2_000;
  public static final int MAX_CLUSTERED_BY_COLUMNS = 1_500;

  private PlanLimits() {}

  /** The fault a plan breaks, or null. */
  public static Fault check(QueryPlan plan) {
    for (StageDefinition stage : plan.stages()) {
      if (stage.signature().size() > MAX_COLUMNS) {
        return Fault.tooManyColumns(stage.signature().size(), MAX_COLUMNS);
      }
      if (stage.shuffleSpec() != null && stage.shuffleSpec().clusterBy().columns().size() > MAX_CLUSTERED_BY_COLUMNS) {
        return Fault.tooManyClusteredByColumns(stage.shuffleSpec().clusterBy().columns().size(),
            MAX_CLUSTERED_BY_COLUMNS, stage.stageNumber());
      }
    }
    return null;
  }
}
