package io.msqbeam.runners.flink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A standalone Flink 1.19 session cluster on loopback, run as two JVMs of their own (a JobManager and
 * a TaskManager) from Flink's jars, for trying the remote runner without a Flink installation. It is
 * known by its directory alone (e.g. {@code var/flink-cluster}): configuration, logs, PID files and
 * the REST address live there, so {@code start}, {@code status} and {@code stop} can be separate
 * commands, and a process is stopped by its recorded PID, never by name.
 */
public final class StandaloneFlinkCluster {
  private static final String JOBMANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  private static final String TASKMANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  /** The cluster's two processes; the order is the start order (stop goes in reverse). */
  public enum Role {
    JOBMANAGER(JOBMANAGER_MAIN), TASKMANAGER(TASKMANAGER_MAIN);

    private final String mainClass;

    Role(String mainClass) {
      this.mainClass = mainClass;
    }

    String fileName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One process as recorded: its PID and whether that PID is still our Flink process. */
  public record ProcessStatus(Role role, long pid, boolean alive) {}

  /**
   * What {@link #status} finds.
   *
   * @param restAddress the recorded REST address, e.g. {@code 127.0.0.1:8081}; empty if never started
   * @param processes the recorded processes
   */
  public record Status(Optional<String> restAddress, List<ProcessStatus> processes) {
    public Status {
      requireNonNull(restAddress, "restAddress is null");
      processes = List.copyOf(processes);
    }

    public boolean running() {
      return !processes.isEmpty() && processes.stream().allMatch(ProcessStatus::alive);
    }

    public Optional<ProcessStatus> process(Role role) {
      return processes.stream().filter(p -> p.role() == role).findFirst();
    }
  }

  private StandaloneFlinkCluster() {}

  /**
   * Starts both processes and waits until the TaskManager has registered with the JobManager; returns
   * the REST address ({@code host:port}). On any failure the processes started so far are stopped and
   * the message names the log to read.
   */
  public static String start(Path clusterDir, StandaloneClusterSettings settings, Duration timeout) {
    requireNonNull(settings, "settings is null");
    Path dir = clusterDir.toAbsolutePath().normalize();
    Status current = status(dir);
    if (current.processes().stream().anyMatch(ProcessStatus::alive)) {
      throw new IllegalStateException("A Flink cluster from " + dir + " is already running at "
          + current.restAddress().orElse("?") + "; stop it first (`msq-beam flink-cluster stop`)");
    }
    StandaloneClusterConfig config = new StandaloneClusterConfig(settings, dir,
        settings.restPort() == 0 ? freePort() : settings.restPort(), freePort());
    String restAddress = "127.0.0.1:" + config.restPort();
    List<Process> launched = new ArrayList<>();
    try {
      for (String sub : List.of("conf", "log", "tmp", "blobs")) {
        Files.createDirectories(dir.resolve(sub));
      }
      Files.writeString(dir.resolve("conf/config.yaml"), config.configYaml(), UTF_8);
      Files.writeString(dir.resolve("conf/log4j2.properties"), StandaloneClusterConfig.log4jProperties(), UTF_8);
      Files.writeString(dir.resolve("rest-address"), restAddress + "\n", UTF_8);
      for (Role role : Role.values()) {
        Files.deleteIfExists(pidFile(dir, role));
      }
      launched.add(launch(dir, Role.JOBMANAGER, config.jobManagerJvmOptions(), settings.classpath()));
      launched.add(launch(dir, Role.TASKMANAGER, config.taskManagerJvmOptions(), settings.classpath()));
      awaitTaskManager(dir, launched, URI.create("http://" + restAddress), timeout);
      return restAddress;
    } catch (IOException e) {
      stopAfterFailedStart(dir, launched, e);
      throw new UncheckedIOException("Cannot start the Flink cluster in " + dir, e);
    } catch (RuntimeException e) {
      stopAfterFailedStart(dir, launched, e);
      throw e;
    }
  }

  /** The recorded REST address and processes; nothing recorded is an empty status, not an error. */
  public static Status status(Path clusterDir) {
    Path dir = clusterDir.toAbsolutePath().normalize();
    List<ProcessStatus> processes = new ArrayList<>();
    for (Role role : Role.values()) {
      readPid(dir, role).ifPresent(pid -> processes.add(new ProcessStatus(role, pid, ours(dir, role, pid).isPresent())));
    }
    Optional<String> restAddress = Optional.empty();
    try {
      if (Files.exists(dir.resolve("rest-address"))) {
        restAddress = Optional.of(Files.readString(dir.resolve("rest-address"), UTF_8).trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + dir.resolve("rest-address"), e);
    }
    return new Status(restAddress, processes);
  }

  /**
   * Stops the recorded processes, TaskManager first: SIGTERM, then SIGKILL after a grace period. A PID
   * that is no longer our Flink process (it ended, or the number was reused) is left alone. Returns
   * the processes that were running.
   */
  public static List<ProcessStatus> stop(Path clusterDir) {
    Path dir = clusterDir.toAbsolutePath().normalize();
    List<ProcessStatus> stopped = new ArrayList<>();
    List<Role> reverse = new ArrayList<>(List.of(Role.values()));
    java.util.Collections.reverse(reverse);
    for (Role role : reverse) {
      Optional<Long> pid = readPid(dir, role);
      Optional<ProcessHandle> process = pid.flatMap(p -> ours(dir, role, p));
      if (process.isPresent()) {
        terminate(process.get());
        stopped.add(new ProcessStatus(role, pid.get(), true));
      }
      try {
        Files.deleteIfExists(pidFile(dir, role));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete " + pidFile(dir, role), e);
      }
    }
    return stopped;
  }

  /** Ends one process at once, as a crash would (SIGKILL); for tests of a lost TaskManager. */
  public static boolean kill(Path clusterDir, Role role) {
    Path dir = clusterDir.toAbsolutePath().normalize();
    Optional<ProcessHandle> process = readPid(dir, role).flatMap(pid -> ours(dir, role, pid));
    process.ifPresent(p -> {
      p.destroyForcibly();
      p.onExit().join();
    });
    return process.isPresent();
  }

  /** The log file of a process, for messages that tell a user where to look. */
  public static Path logFile(Path clusterDir, Role role) {
    return clusterDir.toAbsolutePath().normalize().resolve("log").resolve(role.fileName() + ".log");
  }

  private static Process launch(Path dir, Role role, List<String> jvmOptions, List<Path> classpath) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // First, so they survive in the one page of /proc/<pid>/cmdline that ProcessHandle reads (the class
    // path is longer): how stop and status tell this cluster's processes from a reused PID.
    command.add(roleProperty(role));
    command.add(clusterProperty(dir));
    command.addAll(jvmOptions);
    command.add("-Dlog.file=" + logFile(dir, role));
    command.add("-Dlog4j.configurationFile=" + dir.resolve("conf/log4j2.properties").toUri());
    command.add("-cp");
    command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
    command.add(role.mainClass);
    command.add("--configDir");
    command.add(dir.resolve("conf").toString());
    Path out = dir.resolve("log").resolve(role.fileName() + ".out");
    Process process = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    Files.writeString(pidFile(dir, role), process.pid() + "\n", UTF_8);
    return process;
  }

  /**
   * Polls the REST API until a TaskManager has registered; fails early if a process died. Liveness is
   * asked of the {@link Process} here: just after the start its command line may still be the launcher's.
   */
  private static void awaitTaskManager(Path dir, List<Process> processes, URI restAddress, Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    String lastProblem = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      for (Role role : Role.values()) {
        Process process = processes.get(role.ordinal());
        if (!process.isAlive()) {
          throw new IllegalStateException("The Flink " + role.fileName() + " (pid " + process.pid() + ") exited with code "
              + process.exitValue() + " while starting; see " + logFile(dir, role) + " and "
              + dir.resolve("log").resolve(role.fileName() + ".out"));
        }
      }
      try {
        if (ClusterOverview.read(http, restAddress).taskManagers() > 0) {
          return;
        }
        lastProblem = "no TaskManager registered yet";
      } catch (IllegalStateException e) {
        lastProblem = e.getMessage();
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the Flink cluster to start", e);
      }
    }
    throw new IllegalStateException("The Flink cluster at " + restAddress + " did not come up within " + timeout.toSeconds()
        + " s (" + lastProblem + "); see the logs in " + dir.resolve("log"));
  }

  /** Ends what this start launched through its {@link Process} handles, then forgets the PID files. */
  private static void stopAfterFailedStart(Path dir, List<Process> launched, Exception failure) {
    launched.forEach(process -> {
      process.destroyForcibly();
      process.onExit().join();
    });
    try {
      stop(dir);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static void terminate(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(STOP_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
      process.onExit().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Cannot wait for process " + process.pid(), e);
    }
  }

  /**
   * The live process with this PID if it is this cluster's {@code role}: its first arguments name the
   * role and this cluster's directory. A reused PID is never ours.
   */
  private static Optional<ProcessHandle> ours(Path dir, Role role, long pid) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> {
      // Only the command line survives truncation (arguments() is then absent); more arguments follow ours.
      String commandLine = process.info().commandLine().orElse("");
      return commandLine.contains(" " + roleProperty(role) + " ") && commandLine.contains(" " + clusterProperty(dir) + " ");
    });
  }

  private static String roleProperty(Role role) {
    return "-Dmsqbeam.flink.role=" + role.fileName();
  }

  private static String clusterProperty(Path dir) {
    return "-Dmsqbeam.flink.cluster=" + dir;
  }

  private static Optional<Long> readPid(Path dir, Role role) {
    Path file = pidFile(dir, role);
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      return Optional.of(Long.parseLong(Files.readString(file, UTF_8).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(file + " does not hold a PID", e);
    }
  }

  private static Path pidFile(Path dir, Role role) {
    return dir.resolve(role.fileName() + ".pid");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
    }
  }
}
