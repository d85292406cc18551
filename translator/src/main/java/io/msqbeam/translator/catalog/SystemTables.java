package io.msqbeam.translator.catalog;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The live rows of Druid's {@code sys} tables, asked for when a statement that reads one is planned.
 * The server implements it over its metadata store; the planner turns the rows into inline input, so
 * every executor reads system tables the way it reads EXTERN data.
 *
 * <p>{@code INFORMATION_SCHEMA} needs no provider: the planner derives it from the {@link Catalog}.
 */
public interface SystemTables {
  /** No segments and no tasks (a catalog with no server behind it, e.g. in planner tests). */
  SystemTables NONE = new SystemTables() {
    @Override
    public List<SegmentRow> segments() {
      return List.of();
    }

    @Override
    public List<TaskRow> tasks() {
      return List.of();
    }
  };

  /** One row per used segment of every datasource, overshadowed ones included, as {@code sys.segments}. */
  List<SegmentRow> segments();

  /** One row per task, as {@code sys.tasks}. */
  List<TaskRow> tasks();

  /**
   * The SQL engine that may not read system tables at all, e.g. {@code msq-task}; empty when it may.
   * Druid's task engine refuses them because they have no segments or external data to distribute.
   */
  default Optional<String> refusingEngine() {
    return Optional.empty();
  }

  /** No rows, and planning a read of any system table fails as it does on Druid's {@code engine}. */
  static SystemTables refusedBy(String engine) {
    requireNonNull(engine, "engine is null");
    return new SystemTables() {
      @Override
      public List<SegmentRow> segments() {
        return List.of();
      }

      @Override
      public List<TaskRow> tasks() {
        return List.of();
      }

      @Override
      public Optional<String> refusingEngine() {
        return Optional.of(engine);
      }
    };
  }
}
