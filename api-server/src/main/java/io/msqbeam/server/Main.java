package io.msqbeam.server;

import io.msqbeam.server.cli.ServerCommandLine;
import io.msqbeam.server.cli.UsageException;
import io.msqbeam.server.config.ServerConfig;
import io.msqbeam.translator.plan.HttpInputSourceConfig;
import io.msqbeam.server.http.PortInUseException;
import io.msqbeam.server.metadata.MetadataStoreException;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * {@code msq-beam server}: parses the command line, builds the {@link ServerComponents}, serves in the
 * foreground until SIGTERM or Ctrl-C.
 *
 * <p>Exit codes: 0 after a clean shutdown or {@code --help}; 1 when the server cannot start (port taken,
 * metadata store locked, data dir not writable); 2 for a bad command line. Expected failures print one line, no stack trace.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    ServerComponents components = start(args, System.out, System.err);
    if (components == null) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(components::close, "msq-beam-shutdown"));
    components.awaitClose();
  }

  /** Starts a server, or returns null after {@code --help}; exits the JVM on a bad command line or start. */
  private static ServerComponents start(String[] args, PrintStream out, PrintStream err) {
    ServerConfig config;
    HttpInputSourceConfig httpInput;
    try {
      ServerCommandLine.Invocation invocation = ServerCommandLine.parse(args);
      if (invocation instanceof ServerCommandLine.RunServer run) {
        config = run.config();
        httpInput = run.httpInput();
      } else {
        out.print(ServerCommandLine.usage());
        return null;
      }
    } catch (UsageException e) {
      err.println(e.getMessage());
      System.exit(2);
      return null;
    }
    try {
      ServerComponents components = ServerComponents.create(config, httpInput);
      components.start();
      out.println("msq-beam listening on http://" + config.host() + ":" + components.apiServer().port()
          + " (data dir " + config.dataDir().toAbsolutePath().normalize() + ")");
      return components;
    } catch (PortInUseException | MetadataStoreException | UncheckedIOException e) {
      err.println(e.getMessage());
      System.exit(1);
      return null;
    }
  }
}
