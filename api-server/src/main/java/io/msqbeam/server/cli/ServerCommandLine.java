package io.msqbeam.server.cli;

import io.msqbeam.server.config.ServerConfig;
import io.msqbeam.translator.plan.HttpInputSourceConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Parses {@code server [--host H] [--port N] [--data-dir DIR] [--runner direct] [--task-slots N]
 * [--http-allowed-protocols P,…] [--http-allowed-hosts H,…] [--flink-master HOST:PORT --flink-job-jar JAR]}
 * and {@code --help}.
 *
 * <p>The leading {@code server} word is optional, so both {@code bin/msq-beam server …} and a bare
 * {@code java … Main --port 9000} work. Flags take their value as the next argument or after {@code =}
 * ({@code --port=9000}). Every problem is a {@link UsageException} with a one-line message.
 */
public final class ServerCommandLine {
  private static final String PROGRAM = "msq-beam";
  private static final CommandFlags FLAGS = new CommandFlags(PROGRAM);

  private ServerCommandLine() {}

  /** What the command line asks for. */
  public sealed interface Invocation permits RunServer, ShowHelp {}

  /** Start a server with this configuration and this allow-list for {@code http} input sources. */
  public record RunServer(ServerConfig config, HttpInputSourceConfig httpInput) implements Invocation {
    public RunServer {
      requireNonNull(config, "config is null");
      requireNonNull(httpInput, "httpInput is null");
    }

    public RunServer(ServerConfig config) {
      this(config, HttpInputSourceConfig.DEFAULT);
    }
  }

  /** Print {@link #usage()} and exit successfully. */
  public record ShowHelp() implements Invocation {}

  public static Invocation parse(String... args) {
    return parse(List.of(args));
  }

  public static Invocation parse(List<String> args) {
    requireNonNull(args, "args is null");
    if (args.contains("--help") || args.contains("-h")) {
      return new ShowHelp();
    }
    List<String> flags = !args.isEmpty() && args.get(0).equals("server") ? args.subList(1, args.size()) : args;
    ServerConfig config = ServerConfig.defaults();
    HttpInputSourceConfig httpInput = HttpInputSourceConfig.DEFAULT;
    for (int i = 0; i < flags.size(); i++) {
      String arg = flags.get(i);
      if (!arg.startsWith("--")) {
        throw FLAGS.usage("unexpected argument '" + arg + "'");
      }
      String name = arg;
      String value;
      int equals = arg.indexOf('=');
      if (equals >= 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else if (isFlag(name) && i + 1 < flags.size() && !flags.get(i + 1).startsWith("--")) {
        value = flags.get(++i);
      } else {
        value = null;
      }
      if (!isFlag(name)) {
        throw FLAGS.usage("unknown option '" + name + "'");
      }
      if (value == null || value.isEmpty()) {
        throw FLAGS.usage("option " + name + " needs a value");
      }
      if (name.startsWith("--http-")) {
        httpInput = applyHttp(httpInput, name, value);
      } else {
        config = apply(config, name, value);
      }
    }
    checkFlinkMaster(config);
    return new RunServer(config, httpInput);
  }

  /**
   * A remote cluster's TaskManagers write segments and job outputs under the data dir and the server
   * reads them there, so with {@code --flink-master} the data dir must be one shared file system at the
   * same absolute path everywhere. What can be checked here: the path is absolute and already exists
   * (a missing mount would otherwise be created as an empty local directory), and the job jar exists.
   */
  private static void checkFlinkMaster(ServerConfig config) {
    if (config.flinkMaster().isEmpty()) {
      return;
    }
    if (!config.dataDir().isAbsolute() || !Files.isDirectory(config.dataDir())) {
      throw FLAGS.usage("--flink-master needs --data-dir to be an absolute path to an existing directory on a file system"
          + " that every TaskManager mounts at the same path (deep storage and job outputs live there), got '"
          + config.dataDir() + "'");
    }
    Path jar = config.flinkJobJar().orElseThrow(() -> FLAGS.usage(
        "--flink-master needs --flink-job-jar (bin/msq-beam passes flink-job/target/flink-job-*-job.jar)"));
    if (!Files.isRegularFile(jar)) {
      throw FLAGS.usage("the Flink job jar '" + jar + "' does not exist; build it with `mvn -B -ntp package -DskipTests`");
    }
  }

  /** The help text, listing every option with its default. */
  public static String usage() {
    ServerConfig defaults = ServerConfig.defaults();
    return String.join(System.lineSeparator(),
        "Usage: " + PROGRAM + " server [options]",
        "",
        "Starts a server that speaks Apache Druid's HTTP APIs and runs SQL-based ingestion on Apache Beam.",
        "",
        "Options:",
        "  --host HOST        address to listen on (default " + defaults.host() + ")",
        "  --port N           HTTP port, 0 for any free port (default " + defaults.port() + ")",
        "  --data-dir DIR     metadata, segments and temporary files (default ./" + defaults.dataDir() + ")",
        "  --runner NAME      pipeline runner: " + String.join(", ", ServerConfig.RUNNERS)
            + " (default " + defaults.runner() + ")",
        "  --task-slots N     tasks that may run at once (default " + defaults.taskSlots() + ")",
        "  --http-allowed-protocols P,...",
        "                     URI schemes http input sources may read, Druid's",
        "                     druid.ingestion.http.allowedProtocols (default "
            + String.join(",", HttpInputSourceConfig.DEFAULT.allowedProtocols()) + ")",
        "  --http-allowed-hosts H,...",
        "                     hosts http input sources may read (default: any)",
        "  --flink-master HOST:PORT",
        "                     run runner flink's jobs on this Flink 1.19 session cluster (its REST address)",
        "                     instead of an embedded one; --data-dir must then be an absolute path on a file",
        "                     system every TaskManager mounts at the same path",
        "  --flink-job-jar JAR the jar shipped with each job to that cluster (bin/msq-beam passes the built one)",
        "  --help             print this help and exit",
        "");
  }

  private static boolean isFlag(String name) {
    return switch (name) {
      case "--host", "--port", "--data-dir", "--runner", "--task-slots", "--http-allowed-protocols",
          "--http-allowed-hosts", "--flink-master", "--flink-job-jar" -> true;
      default -> false;
    };
  }

  private static ServerConfig apply(ServerConfig config, String name, String value) {
    try {
      return switch (name) {
        case "--host" -> config.withHost(value);
        case "--port" -> config.withPort(FLAGS.number(name, value));
        case "--data-dir" -> config.withDataDir(FLAGS.path(name, value));
        case "--runner" -> config.withRunner(value);
        case "--task-slots" -> config.withTaskSlots(FLAGS.number(name, value));
        case "--flink-master" -> config.withFlinkMaster(value);
        case "--flink-job-jar" -> config.withFlinkJobJar(FLAGS.path(name, value));
        default -> throw new IllegalStateException("flag not handled: " + name);
      };
    } catch (IllegalArgumentException e) {
      // ServerConfig's invariants are worded for the user; report them as a usage error.
      throw FLAGS.usage(e.getMessage());
    }
  }

  private static HttpInputSourceConfig applyHttp(HttpInputSourceConfig httpInput, String name, String value) {
    List<String> values = List.of(value.split(","));
    try {
      return name.equals("--http-allowed-protocols") ? httpInput.withAllowedProtocols(values)
          : httpInput.withAllowedHosts(values);
    } catch (IllegalArgumentException e) {
      throw FLAGS.usage(name + ": " + e.getMessage());
    }
  }
}
