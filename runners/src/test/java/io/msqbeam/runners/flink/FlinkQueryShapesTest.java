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
    // a nested aggregation, a union, a broadcast join, a sort-merge join, window functions, a framed window,
    // an unnest of a multi-value string, a sort of COMPLEX<json> values, LOOKUP and joins to a lookup table
    return Stream.of(all.get(0), all.get(11), all.get(14), all.get(18), all.get(29),
        withSql(all, "ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING"), withSql(all, "CROSS JOIN UNNEST(MV_TO_ARRAY(dim3))"),
        withSql(all, "FROM $obj ORDER BY obj"), withSql(all, "LOOKUP(dim1, 'lookyloo', 'Missing_Value')"),
        withSql(all, "LEFT JOIN lookup.lookyloo l1"));
  }

  /** The first case whose query contains {@code part}. */
  private static Arguments withSql(List<Arguments> all, String part) {
    return all.stream().filter(a -> ((String) a.get()[0]).contains(part)).findFirst().orElseThrow();
  }

  @Override
  protected Runner runner() {
    return runner;
  }
}
