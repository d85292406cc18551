package io.msqbeam.pipelines.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentWriterTest {

  private static final Interval DAY = Interval.parse("2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z");
  private static final String VERSION = "2024-05-06T07:08:09.123Z";
  private static final SegmentSchema SCHEMA =
      new SegmentSchema(
          "wiki",
          List.of(
              new SegmentColumn("channel", SegmentColumnType.STRING),
              new SegmentColumn("tags", SegmentColumnType.STRING),
              new SegmentColumn("added", SegmentColumnType.LONG),
              new SegmentColumn("ratio", SegmentColumnType.FLOAT),
              new SegmentColumn("delta", SegmentColumnType.DOUBLE)));
  private static final List<String> ALL_COLUMNS = List.of("__time", "channel", "tags", "added", "ratio", "delta");
  private static final int ROWS = 2_500;

  @TempDir Path temp;

  @Test
  void writesRowsAcrossThreePersistsAndReadsEveryRowBack() throws Exception {
    List<Object[]> expected = sampleRows();
    WrittenSegment segment = write(expected, 1, 1_000);

    assertThat(segment.numRows()).isEqualTo(ROWS);
    try (SegmentReader reader = SegmentReader.open(new File(segment.path()), temp.resolve("read").toFile())) {
      assertThat(reader.numRows()).isEqualTo(ROWS);
      assertThat(reader.columnNames()).containsExactlyElementsOf(ALL_COLUMNS);
      assertThat(reader.columnTypes())
          .containsEntry("__time", SegmentColumnType.LONG)
          .containsEntry("channel", SegmentColumnType.STRING)
          .containsEntry("tags", SegmentColumnType.STRING)
          .containsEntry("added", SegmentColumnType.LONG)
          .containsEntry("ratio", SegmentColumnType.FLOAT)
          .containsEntry("delta", SegmentColumnType.DOUBLE);

      List<Object[]> actual = scan(reader, ALL_COLUMNS);
      assertThat(actual).extracting(row -> (Long) row[0]).isSorted();
      assertThat(rendered(actual)).containsExactlyInAnyOrderElementsOf(rendered(expected));
    }
  }

  @Test
  void keepsSqlNullsInEveryColumnType() throws Exception {
    WrittenSegment segment = write(sampleRows(), 0, 1_000);
    try (SegmentReader reader = SegmentReader.open(new File(segment.path()), temp.resolve("read").toFile())) {
      List<Object[]> rows = scan(reader, List.of("channel", "tags", "added", "ratio", "delta"));
      for (int column = 0; column < 5; column++) {
        int c = column;
        assertThat(rows).as("column %s", c).anyMatch(row -> row[c] == null);
      }
      assertThat(rows).anyMatch(row -> Long.valueOf(0L).equals(row[2])).as("0 is not null");
    }
  }

  @Test
  void storesMultiValueStringsSortedAsDruidsDefaultHandlingDoes() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    rows.add(row(DAY.getStartMillis(), "a", List.of("z", "b", "m"), 1L, 1f, 1d));
    WrittenSegment segment = write(rows, 0, 1_000);
    try (SegmentReader reader = SegmentReader.open(new File(segment.path()), temp.resolve("read").toFile())) {
      assertThat(scan(reader, List.of("tags"))).singleElement().satisfies(row -> assertThat(row[0]).isEqualTo(List.of("b", "m", "z")));
    }
  }

  @Test
  void scansOnlyTheRequestedColumnsInTheRequestedOrder() throws Exception {
    WrittenSegment segment = write(sampleRows(), 0, 1_000);
    try (SegmentReader reader = SegmentReader.open(new File(segment.path()), temp.resolve("read").toFile())) {
      List<Object[]> rows = scan(reader, List.of("delta", "__time"));
      assertThat(rows).hasSize(ROWS).allSatisfy(row -> assertThat(row).hasSize(2));
      assertThat(rows.get(0)[1]).isEqualTo(DAY.getStartMillis());
      assertThatThrownBy(() -> reader.scan(List.of("nope"), row -> {}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[nope]");
    }
  }

  @Test
  void placesIndexZipAndDescriptorInDruidsDeepStorageLayout() throws Exception {
    WrittenSegment segment = write(sampleRows(), 3, 1_000);

    Path partitionDir = deepStorage()
        .resolve("wiki")
        .resolve("2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z")
        .resolve(VERSION)
        .resolve("3");
    assertThat(segment.path()).isEqualTo(partitionDir.resolve("index.zip").toAbsolutePath().toString());
    try (Stream<Path> files = Files.list(partitionDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.zip", "descriptor.json");
    }
    try (ZipFile zip = new ZipFile(partitionDir.resolve("index.zip").toFile())) {
      List<? extends ZipEntry> entries = Collections.list(zip.entries());
      assertThat(entries).extracting(ZipEntry::getName).contains("version.bin", "meta.smoosh", "00000.smoosh");
      assertThat(segment.sizeBytes()).isEqualTo(entries.stream().mapToLong(ZipEntry::getSize).sum());
      assertThat(entries).allMatch(entry -> entry.getMethod() == ZipEntry.DEFLATED);
    }
    // Druid's own unzip, as its historicals use, gets the same files back.
    Path unzipped = Files.createDirectories(deepStorage().resolveSibling("druid-unzipped"));
    org.apache.druid.utils.CompressionUtils.unzip(partitionDir.resolve("index.zip").toFile(), unzipped.toFile());
    try (Stream<Path> files = Files.list(unzipped)) {
      assertThat(files.mapToLong(file -> file.toFile().length()).sum()).isEqualTo(segment.sizeBytes());
    }
    assertThat(new ObjectMapper().readTree(partitionDir.resolve("descriptor.json").toFile()))
        .isEqualTo(new ObjectMapper().readTree(segment.payloadJson()));
  }

  @Test
  void describesTheSegmentWithDruidsDataSegmentPayload() throws Exception {
    WrittenSegment segment = write(sampleRows(), 3, 1_000);

    assertThat(segment.segmentId())
        .isEqualTo("wiki_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_" + VERSION + "_3");
    assertThat(segment.dataSource()).isEqualTo("wiki");
    assertThat(segment.interval()).isEqualTo("2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z");
    assertThat(segment.version()).isEqualTo(VERSION);
    assertThat(segment.partitionNum()).isEqualTo(3);

    JsonNode payload = new ObjectMapper().readTree(segment.payloadJson());
    assertThat(payload.get("dataSource").asText()).isEqualTo("wiki");
    assertThat(payload.get("interval").asText()).isEqualTo(segment.interval());
    assertThat(payload.get("version").asText()).isEqualTo(VERSION);
    assertThat(payload.get("loadSpec").get("type").asText()).isEqualTo("local");
    assertThat(payload.get("loadSpec").get("path").asText()).isEqualTo(segment.path());
    assertThat(payload.get("dimensions").asText()).isEqualTo("channel,tags,added,ratio,delta");
    assertThat(payload.get("metrics").asText()).isEmpty();
    assertThat(payload.get("shardSpec").get("type").asText()).isEqualTo("numbered");
    assertThat(payload.get("shardSpec").get("partitionNum").asInt()).isEqualTo(3);
    assertThat(payload.get("shardSpec").get("partitions").asInt()).isZero();
    assertThat(payload.get("binaryVersion").asInt()).isEqualTo(9);
    assertThat(payload.get("size").asLong()).isEqualTo(segment.sizeBytes());
    assertThat(payload.get("identifier").asText()).isEqualTo(segment.segmentId());
  }

  @Test
  void sortsBySchemaOrderWithTimeInsideItWhenTimeIsNotFirst() throws Exception {
    // forceSegmentSortByTime: false with channel first: Druid sorts by (channel, __time, tags, ...)
    // and records that ordering in the segment's metadata; merged persists keep it.
    SegmentSchema channelFirst = new SegmentSchema("wiki", SCHEMA.dimensions(), List.of(), false, 1);
    List<Object[]> rows = sampleRows();
    WrittenSegment segment;
    try (SegmentWriter writer = new SegmentWriter(channelFirst, DAY, VERSION, 0, temp.resolve("work").toFile(),
        deepStorage().toFile(), 1_000)) {
      for (Object[] row : rows) {
        writer.add((Long) row[0], Arrays.copyOfRange(row, 1, row.length));
      }
      segment = writer.finish();
    }
    try (SegmentReader reader = SegmentReader.open(new File(segment.path()), temp.resolve("read").toFile())) {
      assertThat(reader.ordering()).containsExactly("channel", "__time", "tags", "added", "ratio", "delta");
      List<Object[]> read = scan(reader, List.of("channel", "__time"));
      assertThat(read).hasSize(ROWS);
      assertThat(read).isSortedAccordingTo(Comparator.<Object[], String>comparing(r -> (String) r[0],
          Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(r -> (Long) r[1]));
    }
  }

  @Test
  void writesJsonColumnsAsDruidNestedColumnsAcrossPersists() throws Exception {
    // One nested column of objects (and a null row), persisted in two parts and merged.
    SegmentSchema schema = new SegmentSchema("nested", List.of(new SegmentColumn("obj", SegmentColumnType.JSON),
        new SegmentColumn("n", SegmentColumnType.LONG)));
    List<Object> objects = new ArrayList<>();
    WrittenSegment segment;
    try (SegmentWriter writer = new SegmentWriter(schema, DAY, VERSION, 0, temp.resolve("work").toFile(),
        deepStorage().toFile(), 3)) {
      for (int i = 0; i < 7; i++) {
        Object object = i == 3 ? null : new ObjectMapper().readValue("{\"a\":" + i + ",\"b\":{\"c\":[" + i
            + ",\"x\"]},\"d\":" + (i * 1.5) + "}", Object.class);
        objects.add(io.msqbeam.pipelines.row.JsonValues.plain(object));
        writer.add(DAY.getStartMillis() + i, new Object[] {object, (long) i});
      }
      segment = writer.finish();
    }
    try (SegmentReader reader = SegmentReader.open(new File(segment.path()), temp.resolve("read").toFile())) {
      assertThat(reader.columnTypes()).containsEntry("obj", SegmentColumnType.JSON);
      List<Object[]> rows = scan(reader, List.of("obj", "n"));
      assertThat(rows).extracting(row -> row[0]).containsExactlyElementsOf(objects);
    }
  }

  @Test
  void recordsTimeFirstOrderingByDefault() throws Exception {
    WrittenSegment segment = write(sampleRows().subList(0, 10), 0, 1_000);
    try (SegmentReader reader = SegmentReader.open(new File(segment.path()), temp.resolve("read").toFile())) {
      assertThat(reader.ordering()).startsWith("__time");
    }
  }

  @Test
  void leavesThePartitionNumberOutOfTheIdOfPartitionZero() throws Exception {
    WrittenSegment segment = write(sampleRows().subList(0, 10), 0, 1_000);
    assertThat(segment.segmentId()).isEqualTo("wiki_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_" + VERSION);
  }

  @Test
  void survivesJavaSerializationAsBeamNeedsIt() throws Exception {
    WrittenSegment segment = write(sampleRows().subList(0, 10), 0, 1_000);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(segment);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(segment);
    }
  }

  @Test
  void deletesItsTemporaryFilesOnClose() throws Exception {
    Path tempDir = temp.resolve("work");
    try (SegmentWriter writer = newWriter(0, 1_000, tempDir)) {
      for (Object[] row : sampleRows()) {
        writer.add((Long) row[0], Arrays.copyOfRange(row, 1, row.length));
      }
      try (Stream<Path> files = Files.walk(tempDir)) {
        assertThat(files.filter(p -> p.toString().contains("part-"))).isNotEmpty();
      }
    }
    try (Stream<Path> files = Files.list(tempDir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void rejectsRowsOutsideTheIntervalAndOfTheWrongWidth() {
    try (SegmentWriter writer = newWriter(0, 1_000, temp.resolve("work"))) {
      assertThatThrownBy(() -> writer.add(DAY.getEndMillis(), new Object[5]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("outside segment interval");
      assertThatThrownBy(() -> writer.add(DAY.getStartMillis(), new Object[4]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Expected 5 dimension values, got 4");
    }
  }

  @Test
  void rejectsAValueThatDoesNotFitItsNumericColumn() {
    try (SegmentWriter writer = newWriter(0, 1_000, temp.resolve("work"))) {
      assertThatThrownBy(() -> writer.add(DAY.getStartMillis(), new Object[] {"a", null, "not a number", null, null}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("added");
    }
  }

  @Test
  void namesTheSegmentInUtcWhateverZoneTheIntervalWasBuiltIn() {
    Interval sameDayInKolkata = DAY.withChronology(ISOChronology.getInstance(DateTimeZone.forID("Asia/Kolkata")));
    WrittenSegment segment;
    try (SegmentWriter writer = new SegmentWriter(
        SCHEMA, sameDayInKolkata, VERSION, 0, temp.resolve("work").toFile(), deepStorage().toFile(), 1_000)) {
      writer.add(DAY.getStartMillis(), new Object[] {"a", null, 1L, 1f, 1d});
      segment = writer.finish();
    }
    assertThat(segment.interval()).isEqualTo("2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z");
    assertThat(segment.path()).contains("/2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z/");
  }

  @Test
  void refusesToFinishASegmentWithoutRows() {
    try (SegmentWriter writer = newWriter(0, 1_000, temp.resolve("work"))) {
      assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class).hasMessageContaining("has no rows");
    }
  }

  private WrittenSegment write(List<Object[]> rows, int partitionNum, int maxRowsInMemory) {
    try (SegmentWriter writer = newWriter(partitionNum, maxRowsInMemory, temp.resolve("work"))) {
      for (Object[] row : rows) {
        writer.add((Long) row[0], Arrays.copyOfRange(row, 1, row.length));
      }
      return writer.finish();
    }
  }

  private SegmentWriter newWriter(int partitionNum, int maxRowsInMemory, Path tempDir) {
    return new SegmentWriter(
        SCHEMA, DAY, VERSION, partitionNum, tempDir.toFile(), deepStorage().toFile(), maxRowsInMemory);
  }

  private Path deepStorage() {
    return temp.resolve("deep");
  }

  private static List<Object[]> scan(SegmentReader reader, List<String> columns) throws Exception {
    List<Object[]> rows = new ArrayList<>();
    reader.scan(columns, rows::add);
    return rows;
  }

  /**
   * Rows in a deliberately unsorted time order, so the persisted parts overlap in time and the
   * merge has real work to do.
   */
  private static List<Object[]> sampleRows() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      long time = DAY.getStartMillis() + (i * 7919L % ROWS) * 1_000L;
      String channel = i % 11 == 0 ? null : "#ch" + (i % 7);
      Object tags = switch (i % 5) {
        case 0 -> null;
        case 1 -> List.of("t" + (i % 3), "u" + (i % 4));
        default -> "t" + (i % 3);
      };
      Long added = i % 13 == 0 ? null : (long) (i % 9 - 4) * 1_000_000_007L;
      Float ratio = i % 17 == 0 ? null : i / 8f;
      Double delta = i % 19 == 0 ? null : i * 1.5e-3;
      rows.add(row(time, channel, tags, added, ratio, delta));
    }
    return rows;
  }

  private static Object[] row(long time, Object... values) {
    Object[] row = new Object[values.length + 1];
    row[0] = time;
    System.arraycopy(values, 0, row, 1, values.length);
    return row;
  }

  private static List<String> rendered(List<Object[]> rows) {
    return rows.stream().map(Arrays::deepToString).sorted(Comparator.naturalOrder()).toList();
  }
}
