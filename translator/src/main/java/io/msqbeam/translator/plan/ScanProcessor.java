package io.msqbeam.translator.plan;

import static java.util.Objects.requireNonNull;

/** Reads input rows and emits the scan query's columns (projection and filter), row by row. */
public record ScanProcessor(ScanQuery query) implements java.io.Serializable, StageProcessor {
  public ScanProcessor {
    requireNonNull(query, "query is null");
  }
}
