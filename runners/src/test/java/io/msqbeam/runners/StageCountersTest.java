package io.msqbeam.runners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StageCountersTest {
  private static final StageCounters TWO_WORKERS = StageCounters.byWorker(Map.of(
      0, Map.of(
          0, Map.of("input0", Map.of("rows", 10L, "files", 1L)),
          1, Map.of("input0", Map.of("rows", 5L), "warnings", Map.of("CannotParseExternalData", 2L))),
      1, Map.of(1, Map.of("segmentGenerationProgress", Map.of("rowsProcessed", 15L)))));

  @Test
  void addsUpTheWorkersOfAStage() {
    assertThat(TWO_WORKERS.value(0, "input0", "rows")).isEqualTo(15);
    assertThat(TWO_WORKERS.value(0, "input0", "files")).isEqualTo(1);
    assertThat(TWO_WORKERS.stage(0)).isEqualTo(Map.of(
        "input0", Map.of("rows", 15L, "files", 1L), "warnings", Map.of("CannotParseExternalData", 2L)));
    assertThat(TWO_WORKERS.values().keySet()).containsExactly(0, 1);
  }

  @Test
  void keepsEachWorkersOwnCounters() {
    assertThat(TWO_WORKERS.workers(0)).containsExactly(0, 1);
    assertThat(TWO_WORKERS.workers(1)).containsExactly(1);
    StageCounters second = TWO_WORKERS.ofWorker(1);
    assertThat(second.value(0, "input0", "rows")).isEqualTo(5);
    assertThat(second.value(1, "segmentGenerationProgress", "rowsProcessed")).isEqualTo(15);
    assertThat(second.workers(0)).containsExactly(1);
    assertThat(TWO_WORKERS.ofWorker(0).workers(1)).isEmpty();
  }

  @Test
  void countersWithoutWorkersAreWorkerZeros() {
    StageCounters single = new StageCounters(Map.of(0, Map.of("output", Map.of("rows", 3L))));
    assertThat(single.byWorker()).isEqualTo(Map.of(0, Map.of(0, Map.of("output", Map.of("rows", 3L)))));
  }

  @Test
  void keepsEachCounterOfEachWorkerAtItsLargerValue() {
    StageCounters earlier = StageCounters.byWorker(Map.of(0, Map.of(
        0, Map.of("input0", Map.of("rows", 10L, "files", 1L)), 1, Map.of("input0", Map.of("rows", 4L)))));
    StageCounters later = StageCounters.byWorker(Map.of(
        0, Map.of(0, Map.of("input0", Map.of("rows", 7L)), 1, Map.of("input0", Map.of("rows", 9L))),
        1, Map.of(0, Map.of("output", Map.of("rows", 2L)))));

    assertThat(StageCounters.atLeast(earlier, later)).isEqualTo(StageCounters.byWorker(Map.of(
        0, Map.of(0, Map.of("input0", Map.of("rows", 10L, "files", 1L)), 1, Map.of("input0", Map.of("rows", 9L))),
        1, Map.of(0, Map.of("output", Map.of("rows", 2L))))));
  }
}
