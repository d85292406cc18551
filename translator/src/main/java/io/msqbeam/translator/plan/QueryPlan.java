package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A runner-independent plan of one statement: stages in topological order (each stage reads only
 * external data, tables or earlier stages), the last of which feeds the destination.
 *
 * <p>Validated where built, as Druid's {@code QueryDefinition}: stage ids are {@code <queryId>_<n>}
 * numbered from 0, and no stage reads a stage that does not precede it.
 */
public record QueryPlan(String queryId, List<StageDefinition> stages, QueryDestination destination) implements java.io.Serializable {
  public QueryPlan {
    requireNonNull(queryId, "queryId is null");
    stages = List.copyOf(requireNonNull(stages, "stages is null"));
    requireNonNull(destination, "destination is null");
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one stage");
    }
    for (int i = 0; i < stages.size(); i++) {
      StageDefinition stage = stages.get(i);
      if (!stage.id().equals(queryId + "_" + i)) {
        throw new IllegalArgumentException("stage " + i + " has id " + stage.id());
      }
      for (InputSpec input : stage.input()) {
        if (input instanceof StageInputSpec s && s.stage() >= i) {
          throw new IllegalArgumentException("stage " + i + " reads stage " + s.stage() + " which does not precede it");
        }
      }
    }
  }

  public QueryPlan withDestination(QueryDestination newDestination) {
    return new QueryPlan(queryId, stages, newDestination);
  }

  @JsonIgnore
  public StageDefinition finalStage() {
    return stages.get(stages.size() - 1);
  }
}
