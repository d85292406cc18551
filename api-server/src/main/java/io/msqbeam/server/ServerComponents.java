package io.msqbeam.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.config.ServerConfig;
import io.msqbeam.translator.plan.HttpInputSourceConfig;
import io.msqbeam.server.http.ApiServer;
import io.msqbeam.server.http.JsonMapper;
import io.msqbeam.server.http.Routes;
import io.msqbeam.server.lookup.LookupCoordinator;
import io.msqbeam.server.lookup.LookupCoordinatorResource;
import io.msqbeam.server.metadata.MetadataStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.msqbeam.server.runner.RunnerSelection;
import io.msqbeam.server.sql.SqlResource;
import io.msqbeam.server.statement.StatementResource;
import io.msqbeam.server.task.MetadataCatalog;
import io.msqbeam.server.task.TaskResource;
import io.msqbeam.server.task.TaskService;
import java.util.concurrent.CountDownLatch;

import static java.util.Objects.requireNonNull;

/**
 * The composition root: every long-lived component of a server, built from a {@link ServerConfig} with
 * plain constructors, in dependency order.
 *
 * <p>To add a component (task service, runner, SQL resource), construct it in {@link #create} from the
 * ones above it, hold it in a field, add its {@link Routes} to the list given to the {@link ApiServer},
 * and stop it in {@link #close()} in reverse order.
 */
public final class ServerComponents implements AutoCloseable {
  private final ServerConfig config;
  private final ObjectMapper jsonMapper;
  private final MetadataStore metadataStore;
  private final ApiServer apiServer;
  private final TaskService taskService;
  private final RunnerSelection runners;
  private final CountDownLatch closed = new CountDownLatch(1);

  private ServerComponents(ServerConfig config, ObjectMapper jsonMapper, MetadataStore metadataStore, ApiServer apiServer,
      TaskService taskService, RunnerSelection runners) {
    this.taskService = taskService;
    this.runners = runners;
    this.config = config;
    this.jsonMapper = jsonMapper;
    this.metadataStore = metadataStore;
    this.apiServer = apiServer;
  }

  /**
   * Builds every component; nothing listens yet.
   *
   * @throws io.msqbeam.server.metadata.MetadataStoreException if the metadata store cannot be opened
   * @throws UncheckedIOException if a data directory cannot be created
   */
  public static ServerComponents create(ServerConfig config) {
    return create(config, HttpInputSourceConfig.DEFAULT);
  }

  /**
   * As {@link #create(ServerConfig)}, with {@code httpInput} deciding which URIs {@code http} input
   * sources may read (Druid's {@code druid.ingestion.http.allowedProtocols}, plus allowed hosts).
   */
  public static ServerComponents create(ServerConfig config, HttpInputSourceConfig httpInput) {
    requireNonNull(config, "config is null");
    requireNonNull(httpInput, "httpInput is null");
    createDirectories(config.deepStorageDir(), config.tmpDir());
    ObjectMapper jsonMapper = JsonMapper.create();
    MetadataStore metadataStore = MetadataStore.open(config.metadataDir());
    try {
      RunnerSelection runner = new RunnerSelection(config);
      LookupCoordinator lookups = LookupCoordinator.load(metadataStore.config(), jsonMapper);
      MetadataCatalog catalog = new MetadataCatalog(metadataStore.segments(), metadataStore.tasks(), jsonMapper,
          config.tmpDir().resolve("catalog")).withLookups(lookups::lookups);
      // The task engine refuses INFORMATION_SCHEMA and sys tables, as Druid's MSQ does.
      TaskService taskService = new TaskService(metadataStore.tasks(), metadataStore.segments(), runner,
          catalog.forTaskEngine(),
          jsonMapper, config.tmpDir(), config.deepStorageDir().toAbsolutePath(), "localhost", config.port(),
          config.taskSlots(), config.inputSplitBytes(), httpInput);
      List<Routes> routes = List.of(
          new TaskResource(taskService, jsonMapper),
          new StatementResource(taskService, jsonMapper),
          new LookupCoordinatorResource(lookups, jsonMapper),
          new SqlResource(catalog, runner, jsonMapper, config.tmpDir().resolve("sql"),
              config.deepStorageDir().toAbsolutePath(), config.inputSplitBytes(), httpInput));
      ApiServer apiServer = new ApiServer(config.host(), config.port(), jsonMapper, routes);
      return new ServerComponents(config, jsonMapper, metadataStore, apiServer, taskService, runner);
    } catch (RuntimeException e) {
      metadataStore.close();
      throw e;
    }
  }

  /**
   * Starts serving; if that fails everything built so far is closed.
   *
   * @throws io.msqbeam.server.http.PortInUseException if the port is taken
   */
  public void start() {
    try {
      apiServer.start();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Blocks until {@link #close()} has run, e.g. from the shutdown hook. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops serving and closes the metadata store, in reverse order of construction; idempotent. */
  @Override
  public synchronized void close() {
    if (closed.getCount() == 0) {
      return;
    }
    try {
      apiServer.stop();
      taskService.close();
      runners.close();
    } finally {
      try {
        metadataStore.close();
      } finally {
        closed.countDown();
      }
    }
  }

  public ServerConfig config() {
    return config;
  }

  public ObjectMapper jsonMapper() {
    return jsonMapper;
  }

  public MetadataStore metadataStore() {
    return metadataStore;
  }

  public ApiServer apiServer() {
    return apiServer;
  }

  private static void createDirectories(Path... directories) {
    for (Path directory : directories) {
      try {
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create directory " + directory.toAbsolutePath(), e);
      }
    }
  }
}
