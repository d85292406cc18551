package io.msqbeam.pipelines.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.segment.SegmentReader;
import io.msqbeam.pipelines.segment.WrittenSegment;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.planner.StatementPlanner;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs planned statements as real Beam pipelines on the DirectRunner and reads what they wrote. */
class QueryPipelinesTest {
  private static final String ROWS = String.join("\\n",
      "{\"ts\":\"2024-01-01T00:10:00Z\",\"dim\":\"a\",\"n\":1}",
      "{\"ts\":\"2024-01-01T00:20:00Z\",\"dim\":\"b\",\"n\":2}",
      "{\"ts\":\"2024-01-01T00:30:00Z\",\"dim\":\"a\",\"n\":3}",
      "{\"ts\":\"2024-01-01T01:10:00Z\",\"dim\":\"c\",\"n\":4}",
      "{\"ts\":\"2024-01-01T01:20:00Z\",\"dim\":null,\"n\":5}");
  private static final String EXTERN = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + ROWS.replace("\"", "\\\"")
      + "\"}','{\"type\":\"json\"}','[{\"name\":\"ts\",\"type\":\"string\"},{\"name\":\"dim\",\"type\":\"string\"},"
      + "{\"name\":\"n\",\"type\":\"long\"}]'))";

  @TempDir
  Path dir;

  private QueryPlan plan(String sql, Map<String, Object> context) {
    return new StatementPlanner(Catalog.empty()).plan(sql, context, "query-t", "2024-02-01T00:00:00.000Z").plan();
  }

  private void run(QueryPlan plan) {
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    Pipeline pipeline = Pipeline.create(options);
    QueryPipelines.build(pipeline, plan, settings());
    pipeline.run().waitUntilFinish();
  }

  private PipelineSettings settings() {
    return new PipelineSettings(dir.resolve("out").toString(), dir.resolve("work").toString(),
        dir.resolve("deep").toString());
  }

  @Test
  void writesOneSegmentPerHourAndSplitsChunksByRowsPerSegment() throws Exception {
    run(plan("INSERT INTO t SELECT TIME_PARSE(ts) AS __time, dim, n FROM " + EXTERN + " PARTITIONED BY HOUR",
        Map.of("rowsPerSegment", 2)));
    List<WrittenSegment> segments = JobOutputs.writtenSegments(dir.resolve("out"));
    assertThat(segments).extracting(WrittenSegment::interval).containsOnly(
        "2024-01-01T00:00:00.000Z/2024-01-01T01:00:00.000Z", "2024-01-01T01:00:00.000Z/2024-01-01T02:00:00.000Z");
    assertThat(segments.stream().mapToLong(WrittenSegment::numRows).sum()).isEqualTo(5);
    assertThat(segments.stream().filter(s -> s.interval().startsWith("2024-01-01T00")).map(WrittenSegment::partitionNum))
        .containsExactlyInAnyOrder(0, 1);

    List<String> rows = new ArrayList<>();
    for (WrittenSegment segment : segments) {
      try (SegmentReader reader = SegmentReader.open(new File(segment.path()), dir.resolve("read").toFile())) {
        reader.scan(List.of("__time", "dim", "n"), row -> rows.add(row[0] + "," + row[1] + "," + row[2]));
      }
    }
    assertThat(rows).containsExactlyInAnyOrder("1704067800000,a,1", "1704068400000,b,2", "1704069000000,a,3",
        "1704071400000,c,4", "1704072000000,null,5");
  }

  @Test
  void groupsSortsAndLimitsSelectResults() {
    run(plan("SELECT dim, SUM(n) AS s, COUNT(*) AS c FROM " + EXTERN + " GROUP BY dim ORDER BY s DESC LIMIT 2",
        Map.of()));
    List<List<Object>> results = new ArrayList<>();
    JobOutputs.readResults(dir.resolve("out"), results::add);
    // a: 1+3=4 (2 rows); b: 2; c: 4; null: 5 — sorted by SUM descending, ties in any order.
    assertThat(results).hasSize(2);
    assertThat(results.get(0)).containsExactly(null, 5, 1);
    assertThat(results.get(1).subList(1, 3)).isIn(List.of(4, 2), List.of(4, 1));
  }

  @Test
  void computesCountOfAColumnAverageFilteredAndPostAggregations() {
    run(plan("SELECT dim, COUNT(dim) AS cd, AVG(n) AS a, SUM(n) FILTER (WHERE n > 1) AS sf, SUM(n) * 2 AS s2 FROM "
        + EXTERN + " GROUP BY dim ORDER BY dim", Map.of()));
    List<List<Object>> results = new ArrayList<>();
    JobOutputs.readResults(dir.resolve("out"), results::add);
    assertThat(results).containsExactly(
        java.util.Arrays.asList(null, 0, 5, 5, 10),
        List.of("a", 2, 2, 3, 8),
        List.of("b", 1, 2, 2, 4),
        List.of("c", 1, 4, 4, 8));
  }

  @Test
  void answersOneRowForAnAggregationWithoutGroupByOverNoRows() {
    run(plan("SELECT COUNT(*) AS c, SUM(n) AS s FROM " + EXTERN + " WHERE dim = 'none'", Map.of()));
    List<List<Object>> results = new ArrayList<>();
    JobOutputs.readResults(dir.resolve("out"), results::add);
    assertThat(results).containsExactly(java.util.Arrays.asList(0, null));
  }

  @Test
  void countsDistinctValuesApproximatelyAsDruidDoes() {
    run(plan("SELECT COUNT(DISTINCT dim) AS d, APPROX_COUNT_DISTINCT(n) AS dn FROM " + EXTERN, Map.of()));
    List<List<Object>> results = new ArrayList<>();
    JobOutputs.readResults(dir.resolve("out"), results::add);
    assertThat(results).containsExactly(List.of(3, 5));
  }

  @Test
  void failsWithInsertTimeNullWhenTheTimestampDoesNotParse() {
    QueryPlan plan = plan("INSERT INTO t SELECT TIME_PARSE(dim) AS __time, n FROM " + EXTERN + " PARTITIONED BY DAY",
        Map.of());
    assertThatThrownBy(() -> run(plan))
        .satisfies(e -> assertThat(FaultException.find(e).errorCode()).isEqualTo("InsertTimeNull"));
  }
}
