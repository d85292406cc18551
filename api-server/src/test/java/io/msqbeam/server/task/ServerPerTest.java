package io.msqbeam.server.task;

import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For end-to-end tests that want a fresh server per test: the real server with its defaults, on a
 * free loopback port, its metadata store and deep storage under {@link #dataDir}, and a client.
 */
abstract class ServerPerTest {
  @TempDir
  Path dataDir;
  ServerComponents server;
  TaskApi api;

  @BeforeEach
  void startServer() {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
    server.start();
    api = new TaskApi(server);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }
}
