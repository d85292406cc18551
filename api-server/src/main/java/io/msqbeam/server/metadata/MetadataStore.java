package io.msqbeam.server.metadata;

import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * The metadata store: an embedded H2 database in one directory, holding tasks, segments and configuration.
 *
 * <p>Opening it creates or migrates the schema ({@link MetadataSchema}). The database is closed by
 * {@link #close()}, not by H2's own shutdown hook ({@code DB_CLOSE_ON_EXIT=FALSE}), so that the server's
 * shutdown can still write task states before the store goes away. One process at a time: a second
 * server on the same directory fails to open it.
 */
public final class MetadataStore implements AutoCloseable {
  private static final String DATABASE_NAME = "msqbeam";

  private final Path directory;
  private final JdbcConnectionPool pool;
  private final TaskStore tasks;
  private final SegmentStore segments;
  private final ConfigStore config;

  private MetadataStore(Path directory, JdbcConnectionPool pool) {
    this.directory = directory;
    this.pool = pool;
    this.tasks = new TaskStore(pool);
    this.segments = new SegmentStore(pool);
    this.config = new ConfigStore(pool);
  }

  /**
   * Opens (creating if needed) the store under {@code directory}.
   *
   * @throws MetadataStoreException if the directory cannot be created or the database cannot be opened,
   *     e.g. because another server holds it
   */
  public static MetadataStore open(Path directory) {
    Path absolute = requireNonNull(directory, "directory is null").toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new MetadataStoreException("Cannot create the metadata directory " + absolute, e);
    }
    String url = "jdbc:h2:file:" + absolute.resolve(DATABASE_NAME) + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
    try (Connection connection = pool.getConnection()) {
      MetadataSchema.migrate(connection);
    } catch (SQLException e) {
      pool.dispose();
      throw new MetadataStoreException(
          "Cannot open the metadata store in " + absolute + ": " + firstLine(e.getMessage()), e);
    }
    return new MetadataStore(absolute, pool);
  }

  public TaskStore tasks() {
    return tasks;
  }

  public SegmentStore segments() {
    return segments;
  }

  public ConfigStore config() {
    return config;
  }

  /** Connections for components that need their own tables; callers close what they take. */
  public DataSource dataSource() {
    return pool;
  }

  public Path directory() {
    return directory;
  }

  /** Closes the database; the store is unusable afterwards. */
  @Override
  public void close() {
    try (Connection connection = pool.getConnection()) {
      connection.createStatement().execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new MetadataStoreException("Cannot close the metadata store in " + directory, e);
    } finally {
      pool.dispose();
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
