package io.msqbeam.pipelines.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.pipelines.row.RowCoder;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.ShuffleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalRowSorterTest {
  private static final List<ColumnSignature> SIGNATURE = List.of(
      new ColumnSignature("channel", ColumnType.STRING), new ColumnSignature("added", ColumnType.LONG));
  /** ORDER BY added DESC, channel: ties on added broken by channel, nulls where Druid puts them. */
  private static final RowOrdering ORDERING = new RowOrdering(SIGNATURE, List.of(
      new ShuffleSpec.KeyColumn("added", ShuffleSpec.Order.DESCENDING),
      new ShuffleSpec.KeyColumn("channel", ShuffleSpec.Order.ASCENDING)));

  @TempDir
  Path dir;

  @Test
  void moreRowsThanTheBoundAreSpilledInSortedRunsAndMergedInOrder() throws IOException {
    List<Object[]> rows = randomRows(1_000);
    List<Object[]> sorted = new ArrayList<>();
    try (ExternalRowSorter sorter = new ExternalRowSorter(ORDERING, RowCoder.of(SIGNATURE), dir, 64)) {
      rows.forEach(sorter::add);
      assertThat(sorter.spilledRuns()).isEqualTo(1_000 / 64);
      sorter.sorted().forEachRemaining(sorted::add);
    }
    List<Object[]> expected = new ArrayList<>(rows);
    expected.sort(ORDERING);
    assertThat(sorted).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(ORDERING.compare(sorted.get(i), expected.get(i))).as("row %d", i).isZero();
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("run files left after close").isEmpty();
    }
  }

  @Test
  void fewerRowsThanTheBoundNeverTouchTheDisk() throws IOException {
    try (ExternalRowSorter sorter = new ExternalRowSorter(ORDERING, RowCoder.of(SIGNATURE), dir.resolve("runs"), 64)) {
      randomRows(63).forEach(sorter::add);
      List<Object[]> sorted = new ArrayList<>();
      sorter.sorted().forEachRemaining(sorted::add);
      assertThat(sorted).hasSize(63).isSortedAccordingTo(ORDERING);
      assertThat(sorter.spilledRuns()).isZero();
    }
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  private static List<Object[]> randomRows(int count) {
    Random random = new Random(11);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(new Object[] {
          random.nextInt(10) == 0 ? null : "#" + random.nextInt(40),
          random.nextInt(10) == 0 ? null : (long) random.nextInt(100)});
    }
    return rows;
  }
}
