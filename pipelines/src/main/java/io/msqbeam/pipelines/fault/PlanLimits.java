package io.msqbeam.pipelines.fault;

import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import io.msqbeam.translator.plan.StageDefinition;
import java.util.List;

/**
 * Druid's static limits on a plan's shape (columns per stage, cluster-key columns, reserved column
 * names), checked before a job starts, as Druid's controller checks them when it builds the stages.
 */
public final class PlanLimits {
  public static final int MAX_COLUMNS = 2_000;
  public static final int MAX_CLUSTERED_BY_COLUMNS = 1_500;
  /**
   * Columns MSQ adds to stage rows for its own use (Druid's {@code QueryKitUtils}
   * {@code PARTITION_BOOST_COLUMN} and {@code SEGMENT_GRANULARITY_COLUMN}), in the order Druid checks
   * them. Only a query column of a scan or GROUP BY stage is refused: an output alias such as
   * {@code x AS __bucket} is not a query column, and real Druid accepts it.
   */
  public static final List<String> RESTRICTED_COLUMNS = List.of("__boost", "__bucket");

  private PlanLimits() {}

  /** The fault a plan breaks, or null. */
  public static Fault check(QueryPlan plan) {
    for (StageDefinition stage : plan.stages()) {
      if (!(stage.processor() instanceof SegmentGeneratorProcessor)) {
        for (String restricted : RESTRICTED_COLUMNS) {
          if (stage.signature().stream().anyMatch(column -> column.name().equals(restricted))) {
            return Fault.columnNameRestricted(restricted);
          }
        }
      }
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
