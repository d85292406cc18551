package io.msqbeam.server.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.metadata.SegmentRecord;
import io.msqbeam.server.metadata.SegmentStore;
import io.msqbeam.server.metadata.TaskRecord;
import io.msqbeam.server.metadata.TaskStore;
import io.msqbeam.server.segment.SegmentTimeline;
import io.msqbeam.server.segment.Tombstones;
import io.msqbeam.translator.catalog.SegmentRow;
import io.msqbeam.translator.catalog.SystemTables;
import io.msqbeam.translator.catalog.TaskRow;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

import static java.util.Objects.requireNonNull;

/**
 * {@code sys.segments} and {@code sys.tasks} from the metadata store, as Druid shows them for a
 * cluster whose one data server holds every visible segment: a used segment that is not
 * overshadowed is active, available and has one replica; an overshadowed one has been dropped (no
 * replicas, no row count), as Druid's coordinator drops it.
 */
final class ServerSystemTables implements SystemTables {
  /** Druid's queue insertion time of tasks read back from the metadata store once complete. */
  private static final String EPOCH = "1970-01-01T00:00:00.000Z";

  private final SegmentStore segments;
  private final TaskStore tasks;
  private final ObjectMapper json;
  private final ToLongFunction<SegmentRecord> numRows;

  /**
   * @param tasks nullable: without a task store {@code sys.tasks} is empty
   * @param numRows the row count of a (non-tombstone) segment
   */
  ServerSystemTables(SegmentStore segments, TaskStore tasks, ObjectMapper json, ToLongFunction<SegmentRecord> numRows) {
    this.segments = requireNonNull(segments, "segments is null");
    this.tasks = tasks;
    this.json = requireNonNull(json, "json is null");
    this.numRows = requireNonNull(numRows, "numRows is null");
  }

  @Override
  public List<SegmentRow> segments() {
    List<SegmentRow> rows = new ArrayList<>();
    for (String dataSource : segments.dataSources()) {
      List<SegmentRecord> used = segments.usedSegments(dataSource);
      Set<String> overshadowed = new HashSet<>();
      new SegmentTimeline(used).overshadowed().forEach(s -> overshadowed.add(s.id()));
      for (SegmentRecord segment : used) {
        rows.add(row(segment, overshadowed.contains(segment.id())));
      }
    }
    return rows;
  }

  private SegmentRow row(SegmentRecord segment, boolean overshadowed) {
    JsonNode payload = payload(segment);
    long served = overshadowed ? 0 : 1;
    long rowCount = overshadowed || Tombstones.isTombstone(segment) ? 0 : numRows.applyAsLong(segment);
    return new SegmentRow(segment.id(), segment.dataSource(), iso(segment.startMillis()), iso(segment.endMillis()),
        payload.path("size").asLong(0), segment.version(), segment.partitionNum(), served, rowCount,
        served, 1, served, 0, overshadowed ? 1 : 0,
        jsonOrNull(payload.get("shardSpec")), names(payload.get("dimensions")), names(payload.get("metrics")),
        jsonOrNull(payload.get("lastCompactionState")), served);
  }

  @Override
  public List<TaskRow> tasks() {
    if (tasks == null) {
      return List.of();
    }
    return tasks.all().stream().map(ServerSystemTables::row).toList();
  }

  private static TaskRow row(TaskRecord task) {
    boolean complete = task.statusCode().equals("SUCCESS") || task.statusCode().equals("FAILED");
    String host = task.locationHost();
    return new TaskRow(task.id(), task.id(), task.type(), task.dataSource(), iso(task.createdTime()),
        complete ? EPOCH : iso(task.createdTime()), task.statusCode(), task.runnerStatusCode(), task.durationMs(),
        host == null ? null : host + ":" + task.locationPort(), host, task.locationPort(), -1, task.errorMsg());
  }

  private JsonNode payload(SegmentRecord segment) {
    try {
      return json.readTree(segment.payloadJson());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Bad payload of segment " + segment.id(), e);
    }
  }

  /** Druid's {@code DataSegment} JSON joins names with commas; {@code sys.segments} shows a JSON array. */
  private String names(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> names.add(n.asText()));
    } else if (!node.asText().isEmpty()) {
      names.addAll(Arrays.asList(node.asText().split(",")));
    }
    return write(names);
  }

  private String jsonOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : write(node);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write " + value, e);
    }
  }

  private static String iso(long millis) {
    return new DateTime(millis, DateTimeZone.UTC).toString();
  }
}
