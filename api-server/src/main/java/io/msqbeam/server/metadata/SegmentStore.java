package io.msqbeam.server.metadata;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The {@code segments} table: every published segment, used or not.
 *
 * <p>{@link #publish} is the one way segments change, and it is atomic: a task's new segments and the
 * segments they overwrite become visible together or not at all.
 */
public final class SegmentStore {
  private static final String COLUMNS =
      "id, data_source, start_millis, end_millis, version, partition_num, used, payload_json";

  private final DataSource dataSource;

  SegmentStore(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
  }

  /**
   * In one transaction, inserts {@code toAdd} and marks the segments with ids {@code toMarkUnused} as
   * unused. On any failure (a duplicate id, an unknown id to mark unused) nothing changes.
   *
   * @throws MetadataStoreException with the failure as cause, after rolling back
   */
  public void publish(List<SegmentRecord> toAdd, List<String> toMarkUnused) {
    List<SegmentRecord> adding = List.copyOf(requireNonNull(toAdd, "toAdd is null"));
    List<String> unusing = List.copyOf(requireNonNull(toMarkUnused, "toMarkUnused is null"));
    String context = "Cannot publish " + adding.size() + " segment(s) and mark " + unusing.size() + " unused";
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        insert(connection, adding);
        markUnused(connection, unusing);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new MetadataStoreException(context + ": " + e.getMessage(), e);
    }
  }

  /** The used segments of {@code dataSource}, ordered by interval start, end, version and partition. */
  public List<SegmentRecord> usedSegments(String dataSource) {
    requireNonNull(dataSource, "dataSource is null");
    String sql = "SELECT " + COLUMNS + " FROM segments WHERE data_source = ? AND used"
        + " ORDER BY start_millis, end_millis, version, partition_num";
    try (Connection connection = this.dataSource.getConnection();
         PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, dataSource);
      List<SegmentRecord> segments = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          segments.add(read(rows));
        }
      }
      return segments;
    } catch (SQLException e) {
      throw new MetadataStoreException("Cannot read the used segments of " + dataSource, e);
    }
  }

  /** The datasources that have at least one used segment, sorted by name. */
  public List<String> dataSources() {
    String sql = "SELECT DISTINCT data_source FROM segments WHERE used ORDER BY data_source";
    try (Connection connection = dataSource.getConnection();
         PreparedStatement select = connection.prepareStatement(sql);
         ResultSet rows = select.executeQuery()) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    } catch (SQLException e) {
      throw new MetadataStoreException("Cannot list datasources", e);
    }
  }

  private static void insert(Connection connection, List<SegmentRecord> segments) throws SQLException {
    String sql = "INSERT INTO segments (" + COLUMNS + ", created_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    long now = System.currentTimeMillis();
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (SegmentRecord segment : segments) {
        insert.setString(1, segment.id());
        insert.setString(2, segment.dataSource());
        insert.setLong(3, segment.startMillis());
        insert.setLong(4, segment.endMillis());
        insert.setString(5, segment.version());
        insert.setInt(6, segment.partitionNum());
        insert.setBoolean(7, segment.used());
        insert.setString(8, segment.payloadJson());
        insert.setLong(9, now);
        insert.executeUpdate();
      }
    }
  }

  private static void markUnused(Connection connection, List<String> ids) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE segments SET used = FALSE WHERE id = ?")) {
      for (String id : ids) {
        update.setString(1, id);
        if (update.executeUpdate() == 0) {
          throw new SQLException("no segment with id " + id + " to mark unused");
        }
      }
    }
  }

  private static SegmentRecord read(ResultSet rows) throws SQLException {
    return new SegmentRecord(
        rows.getString("id"),
        rows.getString("data_source"),
        rows.getLong("start_millis"),
        rows.getLong("end_millis"),
        rows.getString("version"),
        rows.getInt("partition_num"),
        rows.getBoolean("used"),
        rows.getString("payload_json"));
  }
}
