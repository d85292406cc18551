package io.msqbeam.server.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.pipelines.segment.SegmentColumnType;
import io.msqbeam.pipelines.segment.SegmentReader;
import io.msqbeam.server.metadata.SegmentRecord;
import io.msqbeam.server.metadata.SegmentStore;
import io.msqbeam.server.segment.SegmentTimeline;
import io.msqbeam.server.segment.Tombstones;
import io.msqbeam.translator.catalog.Catalog;
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

/**
 * The catalog the planner sees, read from the metadata store: a datasource's used segments and its
 * columns ({@code __time} first, then the union of the segments' columns). Column types come from
 * the segments themselves, read once per segment and cached.
 */
public final class MetadataCatalog implements Catalog {
  private final SegmentStore segments;
  private final ObjectMapper json;
  private final Path workDir;
  private final Map<String, Map<String, SegmentColumnType>> typesBySegment = new ConcurrentHashMap<>();

  public MetadataCatalog(SegmentStore segments, ObjectMapper json, Path workDir) {
    this.segments = segments;
    this.json = json;
    this.workDir = workDir;
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
      String path = loadPath(record);
      List<String> intervals = visible.isWhole() ? List.of() : visible.intervals().stream()
          .map(i -> new org.joda.time.Interval(i[0], i[1], org.joda.time.DateTimeZone.UTC).toString()).toList();
      files.add(new SegmentFile(record.id(), path, intervals));
      typesOf(record.id(), path).forEach((name, type) -> columns.putIfAbsent(name, ColumnType.valueOf(type.name())));
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

  private Map<String, SegmentColumnType> typesOf(String segmentId, String path) {
    return typesBySegment.computeIfAbsent(segmentId, id -> {
      try (SegmentReader reader = SegmentReader.open(new File(path), workDir.toFile())) {
        Map<String, SegmentColumnType> types = new LinkedHashMap<>(reader.columnTypes());
        types.remove("__time");
        return types;
      }
    });
  }
}
