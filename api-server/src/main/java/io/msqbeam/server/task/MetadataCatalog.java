package io.msqbeam.server.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.pipelines.segment.SegmentColumnType;
import io.msqbeam.pipelines.segment.SegmentReader;
import io.msqbeam.server.metadata.SegmentRecord;
import io.msqbeam.server.metadata.SegmentStore;
import io.msqbeam.server.metadata.TaskStore;
import io.msqbeam.server.segment.SegmentTimeline;
import io.msqbeam.server.segment.Tombstones;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.catalog.Lookups;
import io.msqbeam.translator.catalog.SystemTables;
import io.msqbeam.translator.catalog.TableDescriptor;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.TableInputSpec.SegmentFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The catalog the planner sees, read from the metadata store: a datasource's used segments and its
 * columns ({@code __time} first, then the union of the segments' columns), and the rows of the
 * {@code sys} tables. Column types and row counts come from the segments themselves, read once per
 * segment and cached.
 */
public final class MetadataCatalog implements Catalog {
  /** Druid's name of the task engine, which refuses system tables. */
  static final String TASK_ENGINE = "msq-task";

  private final SegmentStore segments;
  private final ObjectMapper json;
  private final Path workDir;
  private final Map<String, SegmentFacts> factsBySegment;
  private final SystemTables systemTables;
  private final Supplier<Lookups> lookups;

  /** What planning needs from a segment file. */
  private record SegmentFacts(Map<String, SegmentColumnType> types, int numRows) {}

  /** A catalog whose {@code sys.tasks} is empty. */
  public MetadataCatalog(SegmentStore segments, ObjectMapper json, Path workDir) {
    this(segments, null, json, workDir);
  }

  /** @param tasks the tasks {@code sys.tasks} lists; nullable */
  public MetadataCatalog(SegmentStore segments, TaskStore tasks, ObjectMapper json, Path workDir) {
    this.segments = segments;
    this.json = json;
    this.workDir = workDir;
    this.factsBySegment = new ConcurrentHashMap<>();
    this.systemTables = new ServerSystemTables(segments, tasks, json, record -> facts(record).numRows());
    this.lookups = () -> Lookups.NONE;
  }

  private MetadataCatalog(MetadataCatalog catalog, SystemTables systemTables, Supplier<Lookups> lookups) {
    this.segments = catalog.segments;
    this.json = catalog.json;
    this.workDir = catalog.workDir;
    this.factsBySegment = catalog.factsBySegment;
    this.systemTables = systemTables;
    this.lookups = lookups;
  }

  /** This catalog with the lookups {@code lookups} gives (a fresh snapshot each time it is asked). */
  public MetadataCatalog withLookups(Supplier<Lookups> lookups) {
    return new MetadataCatalog(this, systemTables, lookups);
  }

  @Override
  public Lookups lookups() {
    return lookups.get();
  }

  /**
   * This catalog as {@code POST /druid/v2/sql/task} sees it: the same datasources (and cache), but
   * reading an {@code INFORMATION_SCHEMA} or {@code sys} table fails planning with Druid's
   * {@code Cannot query table(s) [...] with SQL engine [msq-task]}.
   */
  public MetadataCatalog forTaskEngine() {
    return new MetadataCatalog(this, SystemTables.refusedBy(TASK_ENGINE), lookups);
  }

  @Override
  public SystemTables systemTables() {
    return systemTables;
  }

  @Override
  public List<String> dataSourceNames() {
    return segments.dataSources();
  }

  @Override
  public Optional<TableDescriptor> table(String dataSource) {
    List<SegmentRecord> used = segments.usedSegments(dataSource);
    if (used.isEmpty()) {
      return Optional.empty();
    }
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    columns.put("__time", ColumnType.LONG);
    List<SegmentFile> files = new ArrayList<>();
    for (SegmentTimeline.Visible visible : new SegmentTimeline(used).visible()) {
      SegmentRecord record = visible.segment();
      if (Tombstones.isTombstone(record)) {
        continue;
      }
      files.add(new SegmentFile(record.id(), loadPath(record), visible.isWhole() ? List.of()
          : visible.intervals().stream().map(MetadataCatalog::isoInterval).toList()));
      facts(record).types().forEach((name, type) -> columns.putIfAbsent(name, ColumnType.valueOf(type.name())));
    }
    List<ColumnSignature> signature = new ArrayList<>();
    columns.forEach((name, type) -> signature.add(new ColumnSignature(name, type)));
    return Optional.of(new TableDescriptor(dataSource, signature, files));
  }

  private String loadPath(SegmentRecord record) {
    try {
      JsonNode payload = json.readTree(record.payloadJson());
      return payload.path("loadSpec").path("path").asText();
    } catch (IOException e) {
      throw new UncheckedIOException("Bad payload of segment " + record.id(), e);
    }
  }

  private static String isoInterval(long[] interval) {
    return new org.joda.time.Interval(interval[0], interval[1], org.joda.time.DateTimeZone.UTC).toString();
  }

  private SegmentFacts facts(SegmentRecord record) {
    return factsBySegment.computeIfAbsent(record.id(), id -> {
      try (SegmentReader reader = SegmentReader.open(new File(loadPath(record)), workDir.toFile())) {
        Map<String, SegmentColumnType> types = new LinkedHashMap<>(reader.columnTypes());
        types.remove("__time");
        return new SegmentFacts(types, reader.numRows());
      }
    });
  }
}
