package io.msqbeam.translator.sql;

import io.msqbeam.translator.catalog.SegmentRow;
import io.msqbeam.translator.catalog.SystemTables;
import io.msqbeam.translator.catalog.TaskRow;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.util.List;

/**
 * Druid's {@code sys} schema: the tables we can fill from our metadata store, {@code segments} and
 * {@code tasks}, with the columns and column order of Druid's {@code SystemSchema}.
 */
public final class SysSchema {
  public static final String NAME = "sys";
  public static final String SEGMENTS = "segments";
  public static final String TASKS = "tasks";

  public static final List<ColumnSignature> SEGMENTS_COLUMNS = List.of(
      string("segment_id"), string("datasource"), string("start"), string("end"), number("size"),
      string("version"), number("partition_num"), number("num_replicas"), number("num_rows"),
      number("is_active"), number("is_published"), number("is_available"), number("is_realtime"),
      number("is_overshadowed"), string("shard_spec"), string("dimensions"), string("metrics"),
      string("last_compaction_state"), number("replication_factor"));

  public static final List<ColumnSignature> TASKS_COLUMNS = List.of(
      string("task_id"), string("group_id"), string("type"), string("datasource"), string("created_time"),
      string("queue_insertion_time"), string("status"), string("runner_status"), number("duration"),
      string("location"), string("host"), number("plaintext_port"), number("tls_port"), string("error_msg"));

  private SysSchema() {}

  /** The tables, in Druid's (alphabetical) order. */
  static List<SystemTable> tables(SystemTables provider) {
    return List.of(
        new SystemTable(NAME, SEGMENTS, SEGMENTS_COLUMNS,
            () -> provider.segments().stream().map(SegmentRow::values).toList(), provider.refusingEngine()),
        new SystemTable(NAME, TASKS, TASKS_COLUMNS,
            () -> provider.tasks().stream().map(TaskRow::values).toList(), provider.refusingEngine()));
  }

  private static ColumnSignature string(String name) {
    return new ColumnSignature(name, ColumnType.STRING);
  }

  private static ColumnSignature number(String name) {
    return new ColumnSignature(name, ColumnType.LONG);
  }
}
