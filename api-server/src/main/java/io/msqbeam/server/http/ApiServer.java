package io.msqbeam.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The HTTP server: a Javalin app on {@code host:port} serving the built-in status routes and the given
 * route groups, with {@link ErrorMapping} as its one exception mapper.
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #stop()}; {@link #port()} is the bound port after
 * start (useful with port 0, which binds any free port).
 */
public final class ApiServer {
  private final String host;
  private final int requestedPort;
  private final Javalin app;
  private volatile int boundPort = -1;

  /**
   * @param routes groups of endpoints to serve besides the built-in ones, registered in list order
   */
  public ApiServer(String host, int port, ObjectMapper mapper, List<Routes> routes) {
    this.host = requireNonNull(host, "host is null");
    this.requestedPort = port;
    requireNonNull(mapper, "mapper is null");
    List<Routes> groups = new ArrayList<>();
    groups.add(new ErrorMapping());
    groups.add(new StatusResource());
    groups.addAll(requireNonNull(routes, "routes is null"));
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.jetty.host = host;
      config.jetty.port = port;
      groups.forEach(group -> group.register(config.routes));
    });
  }

  /**
   * Binds the port and starts serving.
   *
   * @throws PortInUseException if another process holds the port
   */
  public void start() {
    try {
      app.start();
    } catch (JavalinBindException e) {
      app.stop();
      throw new PortInUseException(host, requestedPort, e);
    }
    boundPort = app.port();
  }

  /** The port the server listens on; only meaningful after {@link #start()}. */
  public int port() {
    if (boundPort < 0) {
      throw new IllegalStateException("server not started");
    }
    return boundPort;
  }

  public String host() {
    return host;
  }

  /** Stops accepting requests and releases the port; safe to call more than once. */
  public void stop() {
    app.stop();
  }
}
