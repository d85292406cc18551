package io.msqbeam.translator.plan;

import static java.util.Objects.requireNonNull;

/** Partially aggregates input rows by the query's dimensions before the shuffle. */
public record GroupByPreShuffleProcessor(GroupByQuery query) implements java.io.Serializable, StageProcessor {
  public GroupByPreShuffleProcessor {
    requireNonNull(query, "query is null");
  }
}
