package io.msqbeam.pipelines.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.pipelines.fault.FaultException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameRowLimitTest {
  @Test
  void measuresRowsAsDruidsRowBasedFrameWriterLaysThemOut() {
    // time (pointer + 9), "é" (pointer + marker + 2 bytes + terminators), [a, null] (pointer + 2 + 1 + 2 + 1)
    Object[] row = {1L, "é", Arrays.asList("a", null)};
    assertThat(FrameRowLimit.size(row)).isEqualTo(FrameRowLimit.FRAME_OVERHEAD + (4 + 9) + (4 + 3 + 2) + (4 + 2 + 1 + 2 + 1));
  }

  @Test
  void failsOnlyRowsLargerThanTheFrame() {
    FrameRowLimit limit = FrameRowLimit.of(Map.of("maxFrameSize", 100));
    Object[] fits = {1L, "x".repeat(100 - FrameRowLimit.FRAME_OVERHEAD - 13 - 7)};
    assertThat(FrameRowLimit.size(fits)).isEqualTo(100);
    limit.check(fits);
    Object[] tooLarge = {1L, "x".repeat(100 - FrameRowLimit.FRAME_OVERHEAD - 13 - 6)};
    assertThatThrownBy(() -> limit.check(tooLarge)).isInstanceOf(FaultException.class)
        .hasMessage("RowTooLarge: Encountered row that cannot fit in a single frame (max frame size = 100)");
  }

  @Test
  void defaultsToDruidsFrameSize() {
    assertThat(FrameRowLimit.of(Map.of())).usingRecursiveComparison()
        .isEqualTo(new FrameRowLimit(FrameRowLimit.DEFAULT_MAX_FRAME_SIZE));
  }
}
