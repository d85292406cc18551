package io.msqbeam.runners;

/** The query-shapes suite on Beam's DirectRunner, with its immutability and encodability checks on. */
class DirectQueryShapesTest extends QueryShapesConformanceTest {
  private static final DirectJobRunner RUNNER = new DirectJobRunner(true);

  @Override
  protected Runner runner() {
    return RUNNER;
  }
}
