package io.msqbeam.server.config;

import io.msqbeam.pipelines.stage.PipelineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The values a server is started with.
 *
 * <p>Everything defaults to a local, single-machine setup: listen on loopback, keep all state under
 * {@code ./var} (relative to the working directory), run pipelines on Beam's DirectRunner.
 *
 * @param host address the HTTP server binds to
 * @param port HTTP port; 0 binds any free port
 * @param dataDir root of all state: metadata store, deep storage, temporary files
 * @param runner name of the pipeline runner, one of {@link #RUNNERS}
 * @param taskSlots how many tasks may run at once (at least 1)
 * @param flinkMaster REST address ({@code host:port}) of a Flink 1.19 session cluster that runner {@code flink}
 *     sends jobs to; empty for the embedded cluster
 * @param flinkJobJar the jar shipped with every job to that cluster (module flink-job's {@code …-job.jar})
 * @param inputSplitBytes uncompressed input files above this size are read in byte ranges of about this size
 */
public record ServerConfig(String host, int port, Path dataDir, String runner, int taskSlots,
    Optional<String> flinkMaster, Optional<Path> flinkJobJar, long inputSplitBytes) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8888;
  public static final Path DEFAULT_DATA_DIR = Path.of("var");
  public static final String DEFAULT_RUNNER = "direct";
  public static final int DEFAULT_TASK_SLOTS = 2;
  /** The runners this build can run pipelines on. */
  public static final List<String> RUNNERS = List.of("direct", "flink");
  private static final Pattern HOST_PORT = Pattern.compile("[^:/\\s]+:\\d{1,5}");

  public ServerConfig {
    requireNonNull(host, "host is null");
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(runner, "runner is null");
    requireNonNull(flinkMaster, "flinkMaster is null");
    requireNonNull(flinkJobJar, "flinkJobJar is null");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
    }
    if (!RUNNERS.contains(runner)) {
      throw new IllegalArgumentException(
          "unknown runner '" + runner + "'; valid runners: " + String.join(", ", RUNNERS));
    }
    if (taskSlots < 1) {
      throw new IllegalArgumentException("task slots must be at least 1, got " + taskSlots);
    }
    if (flinkMaster.isPresent() && (!HOST_PORT.matcher(flinkMaster.get()).matches()
        || flinkPort(flinkMaster.get()) < 1 || flinkPort(flinkMaster.get()) > 65535)) {
      throw new IllegalArgumentException("the Flink master must be host:port (the JobManager's REST address), got '"
          + flinkMaster.get() + "'");
    }
    if (inputSplitBytes < 1) {
      throw new IllegalArgumentException("input split bytes must be at least 1, got " + inputSplitBytes);
    }
  }

  public ServerConfig(String host, int port, Path dataDir, String runner, int taskSlots) {
    this(host, port, dataDir, runner, taskSlots, Optional.empty(), Optional.empty(),
        PipelineSettings.DEFAULT_INPUT_SPLIT_BYTES);
  }

  /** The configuration used when no flag is given. */
  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATA_DIR, DEFAULT_RUNNER, DEFAULT_TASK_SLOTS);
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(newHost, port, dataDir, runner, taskSlots, flinkMaster, flinkJobJar, inputSplitBytes);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, dataDir, runner, taskSlots, flinkMaster, flinkJobJar, inputSplitBytes);
  }

  public ServerConfig withDataDir(Path newDataDir) {
    return new ServerConfig(host, port, newDataDir, runner, taskSlots, flinkMaster, flinkJobJar, inputSplitBytes);
  }

  public ServerConfig withRunner(String newRunner) {
    return new ServerConfig(host, port, dataDir, newRunner, taskSlots, flinkMaster, flinkJobJar, inputSplitBytes);
  }

  public ServerConfig withTaskSlots(int newTaskSlots) {
    return new ServerConfig(host, port, dataDir, runner, newTaskSlots, flinkMaster, flinkJobJar, inputSplitBytes);
  }

  public ServerConfig withFlinkMaster(String hostAndPort) {
    return new ServerConfig(host, port, dataDir, runner, taskSlots, Optional.of(hostAndPort), flinkJobJar, inputSplitBytes);
  }

  public ServerConfig withFlinkJobJar(Path jar) {
    return new ServerConfig(host, port, dataDir, runner, taskSlots, flinkMaster, Optional.of(jar), inputSplitBytes);
  }

  public ServerConfig withInputSplitBytes(long newInputSplitBytes) {
    return new ServerConfig(host, port, dataDir, runner, taskSlots, flinkMaster, flinkJobJar, newInputSplitBytes);
  }

  /** The host of {@link #flinkMaster}. */
  public static String flinkHost(String hostAndPort) {
    return hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
  }

  /** The port of {@link #flinkMaster}. */
  public static int flinkPort(String hostAndPort) {
    return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
  }

  /** Where the embedded metadata database lives. */
  public Path metadataDir() {
    return dataDir.resolve("metadata");
  }

  /** Local deep storage: published segments in Druid's directory layout. */
  public Path deepStorageDir() {
    return dataDir.resolve("segments");
  }

  /** Scratch space for running tasks (shuffle spills, segments before they are pushed). */
  public Path tmpDir() {
    return dataDir.resolve("tmp");
  }
}
