package io.msqbeam.runners.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.runners.StageCounters;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LiveOperatorCountersTest {
  @Test
  void readParDoOutputCountsAsItsStagesInputRows() {
    assertThat(LiveOperatorCounters.readingStage("FlatMap_(FlatMap_at_Stage0-read/ParMultiDo(ReadExternal)).numRecordsOut"))
        .isEqualTo(OptionalInt.of(0));
    assertThat(LiveOperatorCounters.readingStage("FlatMap_(FlatMap_at_Stage12-read/ParMultiDo(ReadSegment)).numRecordsOut"))
        .isEqualTo(OptionalInt.of(12));
  }

  @Test
  void ignoresTheOutputUnwrappingOperatorAndOtherMetrics() {
    assertThat(LiveOperatorCounters.readingStage(
        "FlatMap_(FlatMap_at_Stage0-read/ParMultiDo(ReadExternal)_output).numRecordsOut")).isEmpty();
    assertThat(LiveOperatorCounters.readingStage("FlatMap_(FlatMap_at_Stage0-read/ParMultiDo(ReadExternal)).numRecordsIn"))
        .isEmpty();
    assertThat(LiveOperatorCounters.readingStage("FlatMap_(FlatMap_at_Stage0-scan/ParMultiDo(Scan)).numRecordsOut"))
        .isEmpty();
    assertThat(LiveOperatorCounters.readingStage("FlatMap_(FlatMap_at_Stage0-read/ParMultiDo(ReadExternal)).numRecordsOutPerSecond"))
        .isEmpty();
  }

  @Test
  void keepsEachCounterAtItsLargerValue() {
    StageCounters earlier = new StageCounters(Map.of(0, Map.of("input0", Map.of("rows", 10L, "files", 1L))));
    StageCounters later = new StageCounters(Map.of(0, Map.of("input0", Map.of("rows", 7L)), 1, Map.of("output", Map.of("rows", 2L))));

    assertThat(LiveOperatorCounters.atLeast(earlier, later)).isEqualTo(new StageCounters(Map.of(
        0, Map.of("input0", Map.of("rows", 10L, "files", 1L)), 1, Map.of("output", Map.of("rows", 2L)))));
  }
}
