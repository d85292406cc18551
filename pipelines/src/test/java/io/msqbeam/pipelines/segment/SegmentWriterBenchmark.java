package io.msqbeam.pipelines.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.pipelines.row.RowCoder;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.io.BufferedReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.druid.java.util.common.FileUtils;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;

/**
 * Segment writing speed (run by {@code bench/segments.sh}): the day segments of wikiticker-shaped
 * rows, fixture msq-a's columns, written by {@link SegmentWriter} and by Druid's appenderator path
 * ({@link DruidIndexReference}) in the same JVM, alternately, after one warm-up round of each.
 * Prints microseconds per row of each and their ratio. Parsing is done before, outside the timings;
 * rows are held encoded, as they reach the segment generator, and each side decodes them, so both
 * get fresh strings as they do in a job (strings reused across rounds would hash for free).
 *
 * <p>Arguments: the NDJSON file, how many rows of it, how many measured rounds.
 */
public final class SegmentWriterBenchmark {
  private static final List<String> LONGS = List.of("metroCode", "delta", "added", "deleted");
  private static final List<String> COLUMNS = List.of("channel", "cityName", "comment", "countryIsoCode",
      "countryName", "isAnonymous", "isMinor", "isNew", "isRobot", "isUnpatrolled", "metroCode", "namespace", "page",
      "regionIsoCode", "regionName", "user", "delta", "added", "deleted");
  private static final long DAY_MILLIS = 86_400_000L;
  /** The rows as the segment generator receives them: the time, then the columns. */
  private static final RowCoder ROWS = RowCoder.of(Stream.concat(Stream.of("__time"), COLUMNS.stream())
      .map(name -> new ColumnSignature(name, name.equals("__time") || LONGS.contains(name) ? ColumnType.LONG
          : ColumnType.STRING))
      .toList());

  private SegmentWriterBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int limit = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    Map<Long, List<byte[]>> days = readDays(file, limit);
    SegmentSchema schema = new SegmentSchema("wikipedia", COLUMNS.stream()
        .map(name -> new SegmentColumn(name, LONGS.contains(name) ? SegmentColumnType.LONG : SegmentColumnType.STRING))
        .toList());
    long rows = days.values().stream().mapToLong(List::size).sum();
    File work = Files.createTempDirectory("segment-bench").toFile();
    try {
      System.out.printf("# %d rows in %d day segments, %d measured rounds%n", rows, days.size(), rounds);
      System.out.println("| round | SegmentWriter CPU µs/row | Druid's incremental index CPU µs/row | ratio |");
      System.out.println("| ---: | ---: | ---: | ---: |");
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) {
        double writer = perRow(rows, () -> writeAll(schema, days, new File(work, "writer")));
        double reference = perRow(rows, () -> referenceAll(schema, days, new File(work, "reference")));
        if (round > 0) {
          ratios.add(reference / writer);
          System.out.printf("| %d | %.1f | %.1f | %.2f× faster |%n", round, writer, reference, reference / writer);
        }
      }
      ratios.sort(Double::compare);
      System.out.printf("median: SegmentWriter is %.2f× as fast as Druid's incremental index path%n",
          ratios.get(ratios.size() / 2));
    } finally {
      FileUtils.deleteDirectory(work);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  /**
   * CPU microseconds per row of the whole process (the GC's and the JIT's included): unlike wall
   * time, not stretched by other work on the machine.
   */
  private static double perRow(long rows, Work work) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long start = os.getProcessCpuTime();
    work.run();
    return (os.getProcessCpuTime() - start) / 1e3 / rows;
  }

  private static void writeAll(SegmentSchema schema, Map<Long, List<byte[]>> days, File dir) throws Exception {
    for (Map.Entry<Long, List<byte[]>> day : days.entrySet()) {
      try (SegmentWriter writer = new SegmentWriter(schema, interval(day.getKey()), "v1", 0, new File(dir, "tmp"),
          new File(dir, "deep"), SegmentWriter.DEFAULT_MAX_ROWS_IN_MEMORY)) {
        for (byte[] encoded : day.getValue()) {
          Object[] row = ROWS.fromBytes(encoded);
          writer.add((Long) row[0], Arrays.copyOfRange(row, 1, row.length));
        }
        writer.finish();
      }
    }
    FileUtils.deleteDirectory(dir);
  }

  /** The reference writes the same segments and zips them as Druid's push does (deflate level 6). */
  private static void referenceAll(SegmentSchema schema, Map<Long, List<byte[]>> days, File dir) throws Exception {
    for (Map.Entry<Long, List<byte[]>> day : days.entrySet()) {
      List<Object[]> rows = day.getValue().stream().map(ROWS::fromBytes).toList();
      File segment = DruidIndexReference.write(schema, interval(day.getKey()), rows,
          SegmentWriter.DEFAULT_MAX_ROWS_IN_MEMORY, new File(dir, "day-" + day.getKey()));
      org.apache.druid.utils.CompressionUtils.zip(segment, new File(dir, "day-" + day.getKey() + ".zip"));
    }
    FileUtils.deleteDirectory(dir);
  }

  private static Interval interval(long dayStart) {
    return new Interval(dayStart, dayStart + DAY_MILLIS, ISOChronology.getInstanceUTC());
  }

  private static Map<Long, List<byte[]>> readDays(Path file, int limit) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<Long, List<byte[]>> days = new TreeMap<>();
    try (BufferedReader lines = Files.newBufferedReader(file)) {
      String line;
      for (int n = 0; n < limit && (line = lines.readLine()) != null; n++) {
        JsonNode node = json.readTree(line);
        long time = Instant.parse(node.get("time").asText()).toEpochMilli();
        Object[] row = new Object[COLUMNS.size() + 1];
        row[0] = time;
        for (int i = 0; i < COLUMNS.size(); i++) {
          JsonNode value = node.get(COLUMNS.get(i));
          row[i + 1] = value == null || value.isNull() ? null
              : LONGS.contains(COLUMNS.get(i)) ? (Object) value.asLong() : value.asText();
        }
        days.computeIfAbsent(time - Math.floorMod(time, DAY_MILLIS), d -> new ArrayList<>()).add(ROWS.toBytes(row));
      }
    }
    return days;
  }
}
