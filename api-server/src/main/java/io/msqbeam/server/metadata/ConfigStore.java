package io.msqbeam.server.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

import static java.util.Objects.requireNonNull;

/**
 * The {@code config} table: whole JSON documents by key, as Druid keeps dynamic configuration (the
 * lookups among it) in its {@code druid_config} table. A document is replaced as a whole, so readers
 * never see half an update.
 */
public final class ConfigStore {
  private final DataSource dataSource;

  ConfigStore(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
  }

  /** The document stored under {@code name}, or empty when none was ever set. */
  public Optional<String> get(String name) {
    requireNonNull(name, "name is null");
    try (Connection connection = dataSource.getConnection();
         PreparedStatement select = connection.prepareStatement("SELECT payload_json FROM config WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new MetadataStoreException("Cannot read config " + name, e);
    }
  }

  /** Stores {@code payloadJson} under {@code name}, replacing any earlier document. */
  public void set(String name, String payloadJson) {
    requireNonNull(name, "name is null");
    requireNonNull(payloadJson, "payloadJson is null");
    try (Connection connection = dataSource.getConnection();
         PreparedStatement merge = connection.prepareStatement(
             "MERGE INTO config (name, payload_json, updated_time) KEY (name) VALUES (?, ?, ?)")) {
      merge.setString(1, name);
      merge.setString(2, payloadJson);
      merge.setLong(3, System.currentTimeMillis());
      merge.executeUpdate();
    } catch (SQLException e) {
      throw new MetadataStoreException("Cannot write config " + name, e);
    }
  }
}
