package io.msqbeam.runners.flink;

import static org.assertj.core.api.Assertions.assertThat;

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
}
