package io.msqbeam.translator.plan;

import static java.util.Objects.requireNonNull;

/** Combines the partial aggregates of one key after the shuffle, then applies HAVING. */
public record GroupByPostShuffleProcessor(GroupByQuery query) implements java.io.Serializable, StageProcessor {
  public GroupByPostShuffleProcessor {
    requireNonNull(query, "query is null");
  }
}
