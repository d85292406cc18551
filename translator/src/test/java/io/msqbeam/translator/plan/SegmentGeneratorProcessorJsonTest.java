package io.msqbeam.translator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The segment generator's JSON keeps {@code rangeDimensions} when set and stays as before when not. */
class SegmentGeneratorProcessorJsonTest {
  private static final String NUMBERED = "{\"type\":\"segmentGenerator\",\"dataSchema\":{\"dataSource\":\"wiki\","
      + "\"dimensions\":[{\"name\":\"channel\",\"type\":\"STRING\"},{\"name\":\"added\",\"type\":\"LONG\"}],"
      + "\"segmentGranularity\":\"DAY\",\"queryGranularity\":{\"type\":\"none\"},\"rollup\":false},"
      + "\"columnMappings\":[{\"queryColumn\":\"v0\",\"outputColumn\":\"__time\"}],"
      + "\"tuningConfig\":{\"maxNumWorkers\":1,\"maxRowsInMemory\":100000,\"rowsPerSegment\":5}";

  @Test
  void rangeDimensionsRoundTrip() {
    String json = NUMBERED + ",\"rangeDimensions\":[\"channel\"]}";
    SegmentGeneratorProcessor generator = (SegmentGeneratorProcessor) PlanJson.fromJson(json, StageProcessor.class);
    assertThat(generator.rangeDimensions()).containsExactly("channel");
    assertThat(generator.isRangePartitioned()).isTrue();
    assertThat(PlanJson.toJson(generator)).isEqualTo(json);
  }

  @Test
  void numberedGeneratorsOmitRangeDimensions() {
    String json = NUMBERED + "}";
    SegmentGeneratorProcessor generator = (SegmentGeneratorProcessor) PlanJson.fromJson(json, StageProcessor.class);
    assertThat(generator.isRangePartitioned()).isFalse();
    assertThat(PlanJson.toJson(generator)).isEqualTo(json);
  }

  @Test
  void rejectsRangeDimensionsThatAreNotDimensions() {
    SegmentGeneratorProcessor generator = (SegmentGeneratorProcessor) PlanJson.fromJson(NUMBERED + "}",
        StageProcessor.class);
    assertThatThrownBy(() -> new SegmentGeneratorProcessor(generator.dataSchema(), generator.columnMappings(),
        generator.tuningConfig(), List.of("page")))
        .hasMessage("rangeDimensions [page] must be dimensions other than __time");
  }

  @Test
  void acceptsRangeDimensionsAfterOtherSortColumns() {
    // segmentSortOrder may sort a segment by another column first; the range still says which rows it holds.
    SegmentGeneratorProcessor generator = (SegmentGeneratorProcessor) PlanJson.fromJson(NUMBERED + "}",
        StageProcessor.class);
    assertThat(new SegmentGeneratorProcessor(generator.dataSchema(), generator.columnMappings(),
        generator.tuningConfig(), List.of("added")).rangeDimensions()).containsExactly("added");
  }
}
