package io.msqbeam.server.task;

import static io.msqbeam.server.task.SampleData.SAMPLED_EXTERN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.pipelines.segment.DruidRuntime;
import io.msqbeam.server.metadata.SegmentRecord;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.druid.java.util.common.granularity.Granularities;
import org.apache.druid.query.aggregation.LongSumAggregatorFactory;
import org.apache.druid.segment.IndexIO;
import org.apache.druid.segment.Metadata;
import org.apache.druid.segment.QueryableIndex;
import org.apache.druid.segment.column.ColumnConfig;
import org.apache.druid.utils.CompressionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollup at ingestion (Druid §1.9) end to end on Druid's 20-row {@code wikipedia-sampled.json}
 * (10/4/6 rows in hours 00/01/02): a GROUP BY with {@code finalizeAggregations: false} (and
 * {@code groupByEnableMultiValueUnnesting: false}, as Druid's rollup query needs) writes its
 * aggregates as metrics with combining aggregators and marks the segment rolled up; by default the
 * same query writes them as plain dimensions.
 */
class RollupIT extends ServerPerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOURLY = "INSERT INTO r SELECT TIME_FLOOR(TIME_PARSE(\"timestamp\"), 'PT1H') AS __time,"
      + " COUNT(*) AS \"count\", SUM(added) AS sum_added FROM " + SAMPLED_EXTERN + " GROUP BY 1 PARTITIONED BY DAY";

  @TempDir
  Path unpackDir;
  private int tasks;


  @Test
  void writesAggregatesAsRolledUpMetricsWhenAggregationsAreNotFinalized() throws Exception {
    api.runToSuccess(HOURLY, "t" + (++tasks),
        Map.of("finalizeAggregations", false, "groupByEnableMultiValueUnnesting", false));

    List<SegmentRecord> segments = server.metadataStore().segments().usedSegments("r");
    assertThat(segments).hasSize(1);
    JsonNode payload = JSON.readTree(segments.get(0).payloadJson());
    assertThat(payload.path("dimensions").asText()).isEmpty();
    assertThat(payload.path("metrics").asText()).isEqualTo("count,sum_added");

    Metadata metadata = metadata(payload);
    assertThat(metadata.isRollup()).isTrue();
    assertThat(metadata.getAggregators()).containsExactly(
        new LongSumAggregatorFactory("count", "count"), new LongSumAggregatorFactory("sum_added", "sum_added"));

    assertThat(api.sqlArray("SELECT COUNT(*) FROM r").get(0).get(0).asInt()).isEqualTo(3);
    JsonNode sums = api.sqlArray("SELECT SUM(\"count\"), SUM(sum_added) FROM r").get(0);
    assertThat(sums.get(0).asLong()).isEqualTo(20);
    assertThat(sums.get(1).asLong()).isEqualTo(12109);
  }

  @Test
  void writesFinalizedAggregatesAsDimensionsByDefault() throws Exception {
    api.runToSuccess(HOURLY, "t" + (++tasks), Map.of());

    JsonNode payload = JSON.readTree(server.metadataStore().segments().usedSegments("r").get(0).payloadJson());
    assertThat(payload.path("dimensions").asText()).isEqualTo("count,sum_added");
    assertThat(payload.path("metrics").asText()).isEmpty();
    assertThat(metadata(payload).isRollup()).isFalse();
    assertThat(api.sqlArray("SELECT SUM(\"count\"), SUM(sum_added) FROM r").get(0).get(1).asLong()).isEqualTo(12109);
  }

  @Test
  void rejectsAnAggregationWithoutAStoredFormWithoutFinalizingAsNotPlannable() throws Exception {
    // ARRAY_CONCAT_AGG has no rollup metric here yet (EARLIEST/LATEST, ANY_VALUE and distinct counts do, and
    // ARRAY_AGG/STRING_AGG fail writing the segment as in Druid: RollupMetricsIT).
    String sql = HOURLY.replace("SUM(added) AS sum_added", "ARRAY_CONCAT_AGG(ARRAY[channel]) AS channels");
    var response = api.post("/druid/v2/sql/task",
        TaskApi.body(sql, "t" + (++tasks), Map.of("finalizeAggregations", false, "groupByEnableMultiValueUnnesting", false)));
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertThat(error.path("errorCode").asText()).as(response.body()).isEqualTo("general");
    assertThat(error.path("errorMessage").asText())
        .contains("aggregation [arrayConcatAgg] cannot be stored as a rollup metric");
  }

  /**
   * MSQInsertTest#testRollUpOnFoo1WithTimeFunction: re-ingesting Druid's {@code foo} table by
   * {@code floor(__time to day)} with rollup writes segments whose query granularity is DAY (Druid's
   * SegmentGenerationUtils takes it from the groupBy's time floor), with the expected rows
   * {@code expectedFooRows()}: one per day, each dim1 once with cnt 1. Rolled up by an hour floor of
   * parsed input instead, as fixture msq-b is, the granularity stays none.
   */
  @Test
  void recordsTheTimeFloorOfARolledUpTableAsTheSegmentsQueryGranularity() throws Exception {
    api.runToSuccess("INSERT INTO foo " + SampleData.FOO_SELECT + " PARTITIONED BY DAY", "t" + (++tasks), Map.of());
    api.runToSuccess("INSERT INTO foo1 SELECT FLOOR(__time TO DAY) AS __time, dim1, COUNT(*) AS cnt FROM foo"
        + " WHERE dim1 IS NOT NULL GROUP BY 1, 2 PARTITIONED BY DAY CLUSTERED BY dim1", "t" + (++tasks),
        Map.of("finalizeAggregations", false, "groupByEnableMultiValueUnnesting", false));

    List<SegmentRecord> segments = server.metadataStore().segments().usedSegments("foo1");
    assertThat(segments).hasSize(6);
    for (SegmentRecord segment : segments) {
      Metadata metadata = metadata(JSON.readTree(segment.payloadJson()));
      assertThat(metadata.isRollup()).isTrue();
      assertThat(metadata.getQueryGranularity()).isEqualTo(Granularities.DAY);
      assertThat(metadata.getAggregators()).containsExactly(new LongSumAggregatorFactory("cnt", "cnt"));
    }
    assertThat(api.sqlArray("SELECT __time, dim1, cnt FROM foo1 ORDER BY __time").toString()).isEqualTo("["
        + "[\"2000-01-01T00:00:00.000Z\",\"\",1],[\"2000-01-02T00:00:00.000Z\",\"10.1\",1],"
        + "[\"2000-01-03T00:00:00.000Z\",\"2\",1],[\"2001-01-01T00:00:00.000Z\",\"1\",1],"
        + "[\"2001-01-02T00:00:00.000Z\",\"def\",1],[\"2001-01-03T00:00:00.000Z\",\"abc\",1]]");

    api.runToSuccess(HOURLY, "t" + (++tasks),
        Map.of("finalizeAggregations", false, "groupByEnableMultiValueUnnesting", false));
    Metadata parsed = metadata(JSON.readTree(server.metadataStore().segments().usedSegments("r").get(0).payloadJson()));
    assertThat(parsed.isRollup()).isTrue();
    assertThat(parsed.getQueryGranularity()).isEqualTo(Granularities.NONE);
  }

  /** The segment's own metadata, read from deep storage with Druid's {@link IndexIO}. */
  private Metadata metadata(JsonNode payload) throws Exception {
    File dir = java.nio.file.Files.createDirectories(unpackDir.resolve("s" + tasks)).toFile();
    CompressionUtils.unzip(new File(payload.at("/loadSpec/path").asText()), dir);
    IndexIO indexIO = new IndexIO(DruidRuntime.initialize().jsonMapper(), ColumnConfig.DEFAULT);
    try (QueryableIndex index = indexIO.loadIndex(dir)) {
      return index.getMetadata();
    }
  }
}
