package io.msqbeam.pipelines.fault;

import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import io.msqbeam.translator.plan.ShuffleSpec;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.StageInputSpec;
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
    int segmentInput = -1;
    int internalColumns = 0;
    for (StageDefinition stage : plan.stages()) {
      if (stage.processor() instanceof SegmentGeneratorProcessor generator
          && stage.input().get(0) instanceof StageInputSpec input) {
        segmentInput = input.stage();
        internalColumns = internalColumns(generator);
      }
    }
    for (StageDefinition stage : plan.stages()) {
      if (!(stage.processor() instanceof SegmentGeneratorProcessor)) {
        for (String restricted : RESTRICTED_COLUMNS) {
          if (stage.signature().stream().anyMatch(column -> column.name().equals(restricted))) {
            return Fault.columnNameRestricted(restricted);
          }
        }
      }
      int internal = stage.stageNumber() == segmentInput ? internalColumns : 0;
      int columns = stage.signature().size() + internal;
      if (columns > MAX_COLUMNS) {
        return Fault.tooManyColumns(columns, MAX_COLUMNS);
      }
      if (stage.shuffleSpec() != null) {
        ShuffleSpec.ClusterBy clusterBy = stage.shuffleSpec().clusterBy();
        // Druid's key leads with __bucket where ours leads with the time column it is computed from.
        int keyColumns = clusterBy.columns().size() + (internal > 0 ? internal - clusterBy.bucketByCount() : 0);
        if (keyColumns > MAX_CLUSTERED_BY_COLUMNS) {
          return Fault.tooManyClusteredByColumns(keyColumns, MAX_CLUSTERED_BY_COLUMNS, stage.stageNumber());
        }
      }
    }
    return null;
  }

  /**
   * The columns Druid adds to the rows of the stage whose output becomes segments, which its limits count
   * (fixtures msq-a/b/c: {@code __bucket} and {@code __boost} lead that stage's signature and bracket its
   * cluster key): {@code __boost} always, {@code __bucket} unless the segments are PARTITIONED BY ALL, which
   * has a single time chunk ({@code QueryKitUtils.clusterByWithSegmentGranularity}).
   */
  private static int internalColumns(SegmentGeneratorProcessor generator) {
    return "ALL".equals(generator.dataSchema().segmentGranularity()) ? 1 : 2;
  }
}
