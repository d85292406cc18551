package io.msqbeam.pipelines.stage;

/**
 * Where an in-process stage pushes its rows: the next stage, or the results file. Rows stream
 * through the chain one at a time; a stage that must see all its input (groupBy, sort) holds it
 * until {@link #finish}.
 */
interface InProcessRowSink {
  void accept(Object[] row);

  /** The input has ended: flush what was held and finish the sinks downstream. */
  void finish();

  /** Whether no further row can change the answer, so that inputs may stop reading. */
  default boolean isSatisfied() {
    return false;
  }
}
