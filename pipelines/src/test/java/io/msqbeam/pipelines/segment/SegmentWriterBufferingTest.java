package io.msqbeam.pipelines.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SegmentWriter} holds rows without rollup in {@link BufferedRows} instead of Druid's
 * incremental index, for speed. The segment it writes must be the one Druid writes: these tests
 * build the reference exactly as Druid's appenderator does — an on-heap incremental index persisted
 * every {@code maxRowsInMemory} rows, the parts merged — and demand the same files, byte for byte.
 */
class SegmentWriterBufferingTest {
  private static final Interval DAY = Interval.parse("2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z");
  private static final String VERSION = "2024-05-06T07:08:09.123Z";
  private static final SegmentSchema SCHEMA = new SegmentSchema("wiki", List.of(
      new SegmentColumn("channel", SegmentColumnType.STRING),
      new SegmentColumn("page", SegmentColumnType.STRING),
      new SegmentColumn("added", SegmentColumnType.LONG),
      new SegmentColumn("ratio", SegmentColumnType.FLOAT),
      new SegmentColumn("delta", SegmentColumnType.DOUBLE),
      new SegmentColumn("user", SegmentColumnType.STRING)));
  /** Strings whose UTF-16 and UTF-8 orders differ, an empty string, and Latin-1 and CJK text. */
  private static final String[] AWKWARD = {"", "\uFFFD", "😀", "é", "z", "Z", "日本", "a b", "#en.wikipedia"};

  @TempDir Path temp;

  @Test
  void writesTheSameSegmentAsDruidsIncrementalIndexInOnePart() throws Exception {
    List<Object[]> rows = rows(3_000, 1);
    assertSameFiles(written(rows, 10_000), reference(rows, 10_000));
  }

  @Test
  void writesTheSameSegmentAsDruidsIncrementalIndexAcrossPersistedParts() throws Exception {
    List<Object[]> rows = rows(5_000, 2);
    // Buffered parts hold ten times maxRowsInMemory rows: 1,200 a part, as the reference's.
    assertSameFiles(written(rows, 120), reference(rows, 1_200));
  }

  @Test
  void holdsTenTimesMaxRowsInMemoryBufferedRowsInAPartButOnlyMaxRowsInMemoryInDruidsIndex() throws Exception {
    List<Object[]> rows = rows(5_000, 5);
    assertThat(partsPersistedAfterAdding(rows, 600)).isZero();
    assertThat(partsPersistedAfterAdding(rows, 120)).isEqualTo(4);
    // Once a multi-value string sends the 2,500 buffered rows to Druid's index, 300 rows a part.
    List<Object[]> multiValued = rows(5_000, 5);
    multiValued.get(2_500)[2] = List.of("p2", "p1");
    assertThat(partsPersistedAfterAdding(multiValued, 300)).isEqualTo(16);
  }

  private int partsPersistedAfterAdding(List<Object[]> rows, int maxRowsInMemory) {
    try (SegmentWriter writer = new SegmentWriter(SCHEMA, DAY, VERSION, 0, temp.resolve("work").toFile(),
        temp.resolve("deep").toFile(), maxRowsInMemory)) {
      for (Object[] row : rows) {
        writer.add((Long) row[0], Arrays.copyOfRange(row, 1, row.length));
      }
      return writer.persistedParts();
    }
  }

  @Test
  void sortsRowsOfEqualTimeByTheirDimensionsAsDruidDoesAtPersist() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      // Five timestamps, values descending within each: Druid sorts them by dimension when it persists.
      rows.add(row(DAY.getStartMillis() + (i % 5) * 60_000L, "ch" + (999 - i), null, (long) -i, null, null, "u"));
    }
    assertSameFiles(written(rows, 10_000), reference(rows, 10_000));
  }

  @Test
  void goesOnWithDruidsIncrementalIndexWhenAMultiValueStringArrives() throws Exception {
    List<Object[]> rows = rows(3_000, 3);
    // After one buffered part has been persisted and while more rows are buffered.
    rows.get(1_700)[2] = List.of("p2", "p1");
    assertSameFiles(written(rows, 100), reference(rows, 1_000));
    // Before any part was persisted: the 1,700 buffered rows go into the index 1,000 at a time.
    assertSameFiles(written(rows, 1_000), reference(rows, 1_000));
  }

  @Test
  void leavesSegmentsNotSortedByTimeToDruidsIncrementalIndex() throws Exception {
    // forceSegmentSortByTime: false, channel sorting before __time.
    SegmentSchema channelFirst = new SegmentSchema("wiki", SCHEMA.dimensions(), List.of(), false, 1);
    List<Object[]> rows = rows(2_000, 4);
    assertSameFiles(written(channelFirst, rows, 700), reference(channelFirst, rows, 700));
  }

  private File written(List<Object[]> rows, int maxRowsInMemory) throws IOException {
    return written(SCHEMA, rows, maxRowsInMemory);
  }

  private File written(SegmentSchema schema, List<Object[]> rows, int maxRowsInMemory) throws IOException {
    WrittenSegment segment;
    try (SegmentWriter writer = new SegmentWriter(schema, DAY, VERSION, 0, temp.resolve("work").toFile(),
        temp.resolve("deep").toFile(), maxRowsInMemory)) {
      for (Object[] row : rows) {
        writer.add((Long) row[0], Arrays.copyOfRange(row, 1, row.length));
      }
      segment = writer.finish();
    }
    File unzipped = Files.createTempDirectory(temp, "written").toFile();
    try (ZipFile zip = new ZipFile(segment.path())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        Path target = unzipped.toPath().resolve(entry.getName());
        Files.createDirectories(target.getParent());
        Files.copy(zip.getInputStream(entry), target);
      }
    }
    return unzipped;
  }

  /** What Druid's appenderator writes for these rows: its incremental index, persisted and merged. */
  private File reference(List<Object[]> rows, int maxRowsInMemory) throws IOException {
    return reference(SCHEMA, rows, maxRowsInMemory);
  }

  private File reference(SegmentSchema schema, List<Object[]> rows, int maxRowsInMemory) throws IOException {
    return DruidIndexReference.write(schema, DAY, rows, maxRowsInMemory, Files.createTempDirectory(temp, "reference").toFile());
  }

  private static void assertSameFiles(File actual, File expected) {
    Map<String, byte[]> actualFiles = files(actual);
    Map<String, byte[]> expectedFiles = files(expected);
    assertThat(actualFiles.keySet()).containsExactlyElementsOf(expectedFiles.keySet());
    expectedFiles.forEach((name, bytes) -> assertThat(firstDifference(actualFiles.get(name), bytes))
        .as("first differing byte of %s (%d bytes expected, %d written)", name, bytes.length, actualFiles.get(name).length)
        .isEqualTo(-1));
  }

  /** The first offset where the two differ, or -1: a byte dump of two segments is no help. */
  private static int firstDifference(byte[] actual, byte[] expected) {
    return Arrays.mismatch(actual, expected);
  }

  private static Map<String, byte[]> files(File dir) {
    Map<String, byte[]> files = new TreeMap<>();
    for (File file : dir.listFiles()) {
      try {
        files.put(file.getName(), Files.readAllBytes(file.toPath()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** Unsorted times with many ties; nulls, empty and awkward strings; near-unique and repeated values. */
  private static List<Object[]> rows(int count, long seed) {
    Random random = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long time = DAY.getStartMillis() + random.nextInt(600) * 1_000L;
      String channel = random.nextInt(10) == 0 ? null : "#ch" + random.nextInt(7);
      String page = random.nextInt(8) == 0 ? AWKWARD[random.nextInt(AWKWARD.length)] : "page " + random.nextInt(count);
      Long added = random.nextInt(9) == 0 ? null : random.nextLong() % 1_000_000_007L;
      Float ratio = random.nextInt(11) == 0 ? null : random.nextFloat() * 100;
      Double delta = random.nextInt(13) == 0 ? null : random.nextGaussian();
      String user = random.nextBoolean() ? "u" + random.nextInt(50) : AWKWARD[random.nextInt(AWKWARD.length)];
      rows.add(row(time, channel, page, added, ratio, delta, user));
    }
    return rows;
  }

  private static Object[] row(long time, Object... values) {
    Object[] row = new Object[values.length + 1];
    row[0] = time;
    System.arraycopy(values, 0, row, 1, values.length);
    return row;
  }
}
