package io.msqbeam.pipelines.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rolled-up segment: metrics combine rows of equal time and dimensions, also across persists. */
class SegmentWriterRollupTest {
  private static final Interval DAY = Interval.parse("2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z");
  private static final SegmentSchema SCHEMA = new SegmentSchema("wiki",
      List.of(new SegmentColumn("channel", SegmentColumnType.STRING)),
      List.of(new SegmentMetric(SegmentMetric.Kind.LONG_SUM, "count", "count"),
          new SegmentMetric(SegmentMetric.Kind.DOUBLE_MAX, "max_delta", "max_delta")),
      true);

  @TempDir Path temp;

  @Test
  void combinesRowsWithEqualKeysWithTheMetricsAggregators() throws Exception {
    long t = DAY.getStartMillis();
    WrittenSegment segment;
    try (SegmentWriter writer = new SegmentWriter(SCHEMA, DAY, "v1", 0, temp.resolve("tmp").toFile(),
        temp.resolve("deep").toFile(), 2)) {
      writer.add(t, new Object[] {"#en", 2L, 1.5});
      writer.add(t, new Object[] {"#fr", 1L, 4.0});
      writer.add(t, new Object[] {"#en", 3L, 7.0});
      writer.add(t + 1, new Object[] {"#en", 1L, null});
      segment = writer.finish();
    }
    var payload = new ObjectMapper().readTree(segment.payloadJson());
    assertThat(payload.get("dimensions").asText()).isEqualTo("channel");
    assertThat(payload.get("metrics").asText()).isEqualTo("count,max_delta");

    try (SegmentReader reader = SegmentReader.open(new File(segment.path()), temp.resolve("read").toFile())) {
      assertThat(reader.columnNames()).containsExactly("__time", "channel", "count", "max_delta");
      assertThat(reader.columnTypes())
          .containsEntry("count", SegmentColumnType.LONG)
          .containsEntry("max_delta", SegmentColumnType.DOUBLE);
      List<String> rows = new ArrayList<>();
      reader.scan(List.of("__time", "channel", "count", "max_delta"), row -> rows.add(Arrays.toString(row)));
      assertThat(rows).containsExactly("[" + t + ", #en, 5, 7.0]", "[" + t + ", #fr, 1, 4.0]",
          "[" + (t + 1) + ", #en, 1, null]");
    }
  }

  @Test
  void rejectsMetricsWithoutRollup() {
    assertThatThrownBy(() -> new SegmentSchema("wiki", List.of(), SCHEMA.metrics(), false))
        .hasMessage("Metrics need rollup");
  }

  @Test
  void rejectsAMetricNamedLikeADimension() {
    assertThatThrownBy(() -> new SegmentSchema("wiki", SCHEMA.dimensions(),
        List.of(new SegmentMetric(SegmentMetric.Kind.LONG_SUM, "channel", "channel")), true))
        .hasMessage("Duplicate column [channel]");
  }
}
