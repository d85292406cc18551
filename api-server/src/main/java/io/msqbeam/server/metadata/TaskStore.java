package io.msqbeam.server.metadata;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The {@code tasks} table: every submitted task with its latest status and report. */
public final class TaskStore {
  private static final String COLUMNS = "id, type, data_source, sql_text, context_json, created_time, status_code,"
      + " runner_status_code, duration_ms, error_msg, location_host, location_port, report_json, updated_time";

  private final DataSource dataSource;

  TaskStore(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
  }

  /** Adds a new task; fails if the id exists. */
  public void insert(TaskRecord task) {
    requireNonNull(task, "task is null");
    String sql = "INSERT INTO tasks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
         PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, task.id());
      insert.setString(2, task.type());
      insert.setString(3, task.dataSource());
      setNullableString(insert, 4, task.sqlText());
      insert.setString(5, task.contextJson());
      insert.setLong(6, task.createdTime());
      insert.setString(7, task.statusCode());
      insert.setString(8, task.runnerStatusCode());
      insert.setLong(9, task.durationMs());
      setNullableString(insert, 10, task.errorMsg());
      setNullableString(insert, 11, task.locationHost());
      insert.setInt(12, task.locationPort());
      setNullableString(insert, 13, task.reportJson());
      insert.setLong(14, task.updatedTime());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new MetadataStoreException("Cannot insert task " + task.id(), e);
    }
  }

  /**
   * Writes the changing fields of an existing task: status codes, duration, error, location, report and
   * updated time. What was submitted (type, datasource, SQL, context, created time) never changes.
   *
   * @throws MetadataStoreException if there is no task with that id
   */
  public void update(TaskRecord task) {
    requireNonNull(task, "task is null");
    String sql = "UPDATE tasks SET status_code = ?, runner_status_code = ?, duration_ms = ?, error_msg = ?,"
        + " location_host = ?, location_port = ?, report_json = ?, updated_time = ? WHERE id = ?";
    int updated;
    try (Connection connection = dataSource.getConnection();
         PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, task.statusCode());
      update.setString(2, task.runnerStatusCode());
      update.setLong(3, task.durationMs());
      setNullableString(update, 4, task.errorMsg());
      setNullableString(update, 5, task.locationHost());
      update.setInt(6, task.locationPort());
      setNullableString(update, 7, task.reportJson());
      update.setLong(8, task.updatedTime());
      update.setString(9, task.id());
      updated = update.executeUpdate();
    } catch (SQLException e) {
      throw new MetadataStoreException("Cannot update task " + task.id(), e);
    }
    if (updated == 0) {
      throw new MetadataStoreException("Cannot update task " + task.id() + ": no such task");
    }
  }

  public Optional<TaskRecord> find(String id) {
    requireNonNull(id, "id is null");
    List<TaskRecord> found = query("SELECT " + COLUMNS + " FROM tasks WHERE id = ?", id);
    return found.stream().findFirst();
  }

  /** Every task, oldest first. */
  public List<TaskRecord> all() {
    return query("SELECT " + COLUMNS + " FROM tasks ORDER BY created_time, id");
  }

  private List<TaskRecord> query(String sql, String... parameters) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      List<TaskRecord> tasks = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          tasks.add(read(rows));
        }
      }
      return tasks;
    } catch (SQLException e) {
      throw new MetadataStoreException("Cannot read tasks", e);
    }
  }

  private static TaskRecord read(ResultSet rows) throws SQLException {
    return new TaskRecord(
        rows.getString("id"),
        rows.getString("type"),
        rows.getString("data_source"),
        rows.getString("sql_text"),
        rows.getString("context_json"),
        rows.getLong("created_time"),
        rows.getString("status_code"),
        rows.getString("runner_status_code"),
        rows.getLong("duration_ms"),
        rows.getString("error_msg"),
        rows.getString("location_host"),
        rows.getInt("location_port"),
        rows.getString("report_json"),
        rows.getLong("updated_time"));
  }

  static void setNullableString(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }
}
