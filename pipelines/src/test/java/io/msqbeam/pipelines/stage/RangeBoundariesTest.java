package io.msqbeam.pipelines.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeBoundariesTest {
  /** The sorted channels of the 20-row wikipedia sample: its exact quantiles. */
  private static final List<List<String>> CHANNELS = keys("#ceb", "#de", "#de", "#en", "#en", "#en", "#en", "#es",
      "#es", "#id", "#pl", "#pt", "#ru", "#sh", "#sh", "#sh", "#sh", "#sv", "#zh", "#zh");

  @Test
  void splitsAtEvenlySpacedQuantiles() {
    RangeBoundaries ranges = RangeBoundaries.fromQuantiles(CHANNELS, 4);
    assertThat(ranges.boundaries()).isEqualTo(keys("#en", "#pl", "#sh"));
    assertThat(ranges.partitions()).isEqualTo(4);
  }

  @Test
  void rangesAreContiguousAndOpenAtBothEnds() {
    RangeBoundaries ranges = RangeBoundaries.fromQuantiles(CHANNELS, 4);
    assertThat(ranges.start(0)).isNull();
    assertThat(ranges.end(3)).isNull();
    for (int i = 1; i < ranges.partitions(); i++) {
      assertThat(ranges.start(i)).isEqualTo(ranges.end(i - 1));
    }
  }

  @Test
  void assignsEveryKeyToTheRangeThatHoldsItAndLeavesNoRangeEmpty() {
    RangeBoundaries ranges = RangeBoundaries.fromQuantiles(CHANNELS, 4);
    int[] sizes = new int[ranges.partitions()];
    for (List<String> key : CHANNELS) {
      int partition = ranges.partitionOf(key);
      sizes[partition]++;
      if (ranges.start(partition) != null) {
        assertThat(RangeBoundaries.KEY_ORDER.compare(ranges.start(partition), key)).isLessThanOrEqualTo(0);
      }
      if (ranges.end(partition) != null) {
        assertThat(RangeBoundaries.KEY_ORDER.compare(key, ranges.end(partition))).isNegative();
      }
    }
    assertThat(sizes).containsExactly(3, 7, 3, 7);
  }

  @Test
  void oneKeyValueCannotBeSplit() {
    RangeBoundaries ranges = RangeBoundaries.fromQuantiles(keys("#en", "#en", "#en", "#fr", "#fr", "#fr"), 3);
    assertThat(ranges.boundaries()).isEqualTo(keys("#fr"));
    assertThat(ranges.partitions()).isEqualTo(2);
    assertThat(RangeBoundaries.fromQuantiles(keys("#en", "#en", "#en"), 3).partitions()).isEqualTo(1);
  }

  @Test
  void onePartitionOrNoKeysMeansOneOpenRange() {
    assertThat(RangeBoundaries.fromQuantiles(CHANNELS, 1).partitions()).isEqualTo(1);
    assertThat(RangeBoundaries.fromQuantiles(List.of(), 4).partitionOf(keys("#x").get(0))).isZero();
  }

  @Test
  void nullsSortFirstLikeDruidStringTuples() {
    List<String> nullKey = Arrays.asList((String) null);
    RangeBoundaries ranges = RangeBoundaries.fromQuantiles(List.of(nullKey, nullKey, List.of(""), List.of("a")), 2);
    assertThat(ranges.boundaries()).isEqualTo(List.of(List.of("")));
    assertThat(ranges.partitionOf(nullKey)).isZero();
    assertThat(ranges.partitionOf(List.of(""))).isEqualTo(1);
  }

  @Test
  void rejectsBoundariesOutOfOrder() {
    assertThatThrownBy(() -> new RangeBoundaries(keys("b", "a")))
        .hasMessageStartingWith("boundaries are not strictly increasing");
  }

  private static List<List<String>> keys(String... values) {
    List<List<String>> keys = new ArrayList<>();
    for (String value : values) {
      keys.add(List.of(value));
    }
    return keys;
  }
}
