package io.msqbeam.server.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.msqbeam.runners.flink.StandaloneClusterSettings;
import io.msqbeam.runners.flink.StandaloneFlinkCluster;
import io.msqbeam.server.config.BuildInfo;
import io.msqbeam.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code msq-beam flink-cluster start|stop|status}: a standalone Flink session cluster on loopback to
 * try {@code --flink-master} with, its files under {@code <data-dir>/flink-cluster}. Exit codes: 0 on
 * success (for {@code status}: both processes alive), 1 when the cluster cannot start or is not
 * running, 2 for a bad command line.
 */
public final class FlinkClusterCommand {
  private static final String PROGRAM = "msq-beam flink-cluster";
  private static final CommandFlags FLAGS = new CommandFlags(PROGRAM);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** What the command line asks for. */
  public enum Action { START, STOP, STATUS, HELP }

  /**
   * A parsed command line.
   *
   * @param classpathFile the cluster's class path, one line of paths joined by ':' (flink-cluster/target/classpath.txt)
   */
  public record Invocation(Action action, Path dataDir, int restPort, int taskSlots, int taskHeapMb,
      Optional<Path> classpathFile) {
    public Invocation {
      requireNonNull(action, "action is null");
      requireNonNull(dataDir, "dataDir is null");
      requireNonNull(classpathFile, "classpathFile is null");
    }

    public Path clusterDir() {
      return dataDir.resolve("flink-cluster");
    }
  }

  private FlinkClusterCommand() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(parse(args), System.out);
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      code = 2;
    } catch (RuntimeException e) {
      System.err.println(PROGRAM + ": " + e.getMessage());
      code = 1;
    }
    System.exit(code);
  }

  public static Invocation parse(String... args) {
    List<String> words = Arrays.asList(args);
    if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.get(0).equals("help")) {
      return new Invocation(Action.HELP, ServerConfig.DEFAULT_DATA_DIR, 0, 0, 0, Optional.empty());
    }
    Action action = switch (words.get(0)) {
      case "start" -> Action.START;
      case "stop" -> Action.STOP;
      case "status" -> Action.STATUS;
      default -> throw FLAGS.usage("unknown command '" + words.get(0) + "'; use start, stop or status");
    };
    Path dataDir = ServerConfig.DEFAULT_DATA_DIR;
    int restPort = StandaloneClusterSettings.DEFAULT_REST_PORT;
    int taskSlots = StandaloneClusterSettings.DEFAULT_TASK_SLOTS;
    int taskHeapMb = StandaloneClusterSettings.DEFAULT_TASK_HEAP_MB;
    Optional<Path> classpathFile = Optional.empty();
    for (int i = 1; i < words.size(); i++) {
      String arg = words.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < words.size()) {
        value = words.get(++i);
      } else {
        throw FLAGS.usage("option " + name + " needs a value");
      }
      switch (name) {
        case "--data-dir" -> dataDir = FLAGS.path(name, value);
        case "--rest-port" -> restPort = FLAGS.number(name, value);
        case "--task-slots" -> taskSlots = FLAGS.number(name, value);
        case "--taskmanager-heap-mb" -> taskHeapMb = FLAGS.number(name, value);
        case "--classpath-file" -> classpathFile = Optional.of(FLAGS.path(name, value));
        default -> throw FLAGS.usage("unknown option '" + name + "'");
      }
    }
    return new Invocation(action, dataDir, restPort, taskSlots, taskHeapMb, classpathFile);
  }

  /** Runs a parsed command, printing to {@code out}; returns the exit code. */
  public static int run(Invocation invocation, PrintStream out) {
    Path clusterDir = invocation.clusterDir();
    switch (invocation.action()) {
      case HELP -> {
        out.print(usage());
        return 0;
      }
      case START -> {
        String restAddress = StandaloneFlinkCluster.start(clusterDir, settings(invocation), START_TIMEOUT);
        out.println("Flink session cluster running, REST at http://" + restAddress + " (files in "
            + clusterDir.toAbsolutePath().normalize() + ")");
        out.println("Use it with: msq-beam server --flink-master " + restAddress + " --data-dir "
            + invocation.dataDir().toAbsolutePath().normalize());
        return 0;
      }
      case STOP -> {
        List<StandaloneFlinkCluster.ProcessStatus> stopped = StandaloneFlinkCluster.stop(clusterDir);
        out.println(stopped.isEmpty() ? "No Flink cluster process was running from " + clusterDir
            : "Stopped " + stopped.stream().map(p -> p.role().name().toLowerCase() + " (pid " + p.pid() + ")").toList());
        return 0;
      }
      case STATUS -> {
        StandaloneFlinkCluster.Status status = StandaloneFlinkCluster.status(clusterDir);
        if (status.processes().isEmpty()) {
          out.println("No Flink cluster started from " + clusterDir.toAbsolutePath().normalize());
          return 1;
        }
        out.println("REST address: http://" + status.restAddress().orElse("?"));
        status.processes().forEach(p -> out.println("  " + p.role().name().toLowerCase() + " pid " + p.pid() + ": "
            + (p.alive() ? "alive" : "not running") + "  (log " + StandaloneFlinkCluster.logFile(clusterDir, p.role()) + ")"));
        return status.running() ? 0 : 1;
      }
    }
    throw new IllegalStateException("action not handled: " + invocation.action());
  }

  public static String usage() {
    return String.join(System.lineSeparator(),
        "Usage: " + PROGRAM + " start|stop|status [options]",
        "",
        "A standalone Flink 1.19 session cluster on 127.0.0.1 (one JobManager, one TaskManager, each its own JVM)",
        "to run statements on with `msq-beam server --flink-master 127.0.0.1:PORT`. Its configuration, logs and",
        "PID files live in DATA_DIR/flink-cluster; stop ends exactly the processes recorded there.",
        "",
        "Options:",
        "  --data-dir DIR             where the cluster's files go (default ./" + ServerConfig.DEFAULT_DATA_DIR + ")",
        "  --rest-port N              the JobManager's REST port, 0 for any free one (default "
            + StandaloneClusterSettings.DEFAULT_REST_PORT + ")",
        "  --task-slots N             TaskManager slots, the most workers a job gets (default "
            + StandaloneClusterSettings.DEFAULT_TASK_SLOTS + ")",
        "  --taskmanager-heap-mb MB   heap for the jobs in the TaskManager (default "
            + StandaloneClusterSettings.DEFAULT_TASK_HEAP_MB + ")",
        "  --classpath-file FILE      Flink's class path (bin/msq-beam passes flink-cluster/target/classpath.txt)",
        "");
  }

  private static StandaloneClusterSettings settings(Invocation invocation) {
    Path file = invocation.classpathFile()
        .orElseThrow(() -> FLAGS.usage("start needs --classpath-file (bin/msq-beam passes it)"));
    List<Path> classpath;
    try {
      classpath = Arrays.stream(Files.readString(file, UTF_8).trim().split(java.io.File.pathSeparator))
          .filter(entry -> !entry.isBlank()).map(Path::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Flink class path from " + file, e);
    }
    try {
      return StandaloneClusterSettings.defaults(classpath, BuildInfo.jvmModuleFlags())
          .withRestPort(invocation.restPort()).withTaskSlots(invocation.taskSlots())
          .withTaskHeapMb(invocation.taskHeapMb());
    } catch (IllegalArgumentException e) {
      throw FLAGS.usage(e.getMessage());
    }
  }
}
