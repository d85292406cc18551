package io.msqbeam.runners.flink;

import io.msqbeam.runners.QueryShapesConformanceTest;
import io.msqbeam.runners.Runner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.Arguments;

/** A few of the query-shapes cases on an embedded Flink cluster: one per kind of stage graph. */
class FlinkQueryShapesTest extends QueryShapesConformanceTest {
  private static FlinkEmbeddedRunner runner;

  @BeforeAll
  static void startCluster() {
    runner = new FlinkEmbeddedRunner(FlinkClusterSettings.DEFAULTS);
  }

  @AfterAll
  static void stopCluster() {
    runner.close();
  }

  /** Hides the full list: every Flink job costs seconds. */
  public static Stream<Arguments> cases() {
    List<Arguments> all = allCases();
    // a nested aggregation, a union, a broadcast join, a sort-merge join, window functions
    return Stream.of(all.get(0), all.get(11), all.get(14), all.get(18), all.get(29));
  }

  @Override
  protected Runner runner() {
    return runner;
  }
}
