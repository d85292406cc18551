package io.msqbeam.server.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * All the DDL of the metadata store, as numbered migrations applied in order.
 *
 * <p>{@code schema_version} records each applied version, so a store opened by a newer build gains the
 * new migrations and an up-to-date store is left alone. Never edit a released migration: append one.
 * Times are epoch milliseconds (BIGINT) so that nothing depends on the JVM's time zone.
 */
final class MetadataSchema {
  private static final List<List<String>> MIGRATIONS = List.of(
      // 1: tasks and segments
      List.of(
          """
          CREATE TABLE tasks (
            id                 VARCHAR(255) PRIMARY KEY,
            type               VARCHAR(255) NOT NULL,
            data_source        VARCHAR(255) NOT NULL,
            sql_text           CLOB,
            context_json       CLOB NOT NULL,
            created_time       BIGINT NOT NULL,
            status_code        VARCHAR(32) NOT NULL,
            runner_status_code VARCHAR(32) NOT NULL,
            duration_ms        BIGINT NOT NULL,
            error_msg          CLOB,
            location_host      VARCHAR(255),
            location_port      INT NOT NULL,
            report_json        CLOB,
            updated_time       BIGINT NOT NULL
          )""",
          "CREATE INDEX tasks_created_time ON tasks (created_time)",
          """
          CREATE TABLE segments (
            id            VARCHAR(1024) PRIMARY KEY,
            data_source   VARCHAR(255) NOT NULL,
            start_millis  BIGINT NOT NULL,
            end_millis    BIGINT NOT NULL,
            version       VARCHAR(255) NOT NULL,
            partition_num INT NOT NULL,
            used          BOOLEAN NOT NULL,
            created_date  BIGINT NOT NULL,
            payload_json  CLOB NOT NULL
          )""",
          "CREATE INDEX segments_data_source_used ON segments (data_source, used)"),
      // 2: configuration documents by key (Druid's druid_config), e.g. the lookups
      List.of(
          """
          CREATE TABLE config (
            name         VARCHAR(255) PRIMARY KEY,
            payload_json CLOB NOT NULL,
            updated_time BIGINT NOT NULL
          )"""));

  private MetadataSchema() {}

  /** The version a fully migrated store has. */
  static int latestVersion() {
    return MIGRATIONS.size();
  }

  /** Creates the schema if missing and applies any migrations the store has not seen, in one transaction. */
  static void migrate(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, applied_time BIGINT NOT NULL)");
      int current = currentVersion(connection);
      for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
        for (String ddl : MIGRATIONS.get(version - 1)) {
          statement.execute(ddl);
        }
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO schema_version (version, applied_time) VALUES (?, ?)")) {
          insert.setInt(1, version);
          insert.setLong(2, System.currentTimeMillis());
          insert.executeUpdate();
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
