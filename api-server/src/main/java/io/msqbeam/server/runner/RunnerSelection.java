package io.msqbeam.server.runner;

import io.msqbeam.pipelines.stage.InProcessLimits;
import io.msqbeam.runners.DirectJobRunner;
import io.msqbeam.runners.InProcessFallbackRunner;
import io.msqbeam.runners.InProcessRunner;
import io.msqbeam.runners.Runner;
import io.msqbeam.runners.flink.FlinkClusterSettings;
import io.msqbeam.runners.flink.FlinkEmbeddedRunner;
import io.msqbeam.runners.flink.FlinkRemoteRunner;
import io.msqbeam.server.config.ServerConfig;
import io.msqbeam.translator.error.InvalidInput;
import java.util.Map;

/**
 * Chooses the runner of a statement: the context key {@code runner} ({@code direct} | {@code flink}),
 * else the server's default. Runner {@code flink} is the remote session cluster of
 * {@code --flink-master} when there is one, else an embedded cluster that starts on first use (or at
 * once when Flink is the default) and lives until the server closes, so jobs never pay for a cluster
 * start.
 */
public final class RunnerSelection implements AutoCloseable {
  public static final String CONTEXT_KEY = "runner";

  private final String defaultRunner;
  private final Runner direct = new DirectJobRunner(false);
  private final FlinkClusterSettings flinkSettings;
  /** The embedded cluster or the remote runner, whichever {@code flink} means on this server. */
  private Runner flink;
  /** Small interactive SELECTs run in-process with the same stage logic: no pipeline start per query. */
  private final InProcessRunner inProcess = new InProcessRunner(2, InProcessLimits.DEFAULT);

  public RunnerSelection(String defaultRunner, int taskSlots) {
    this(new ServerConfig(ServerConfig.DEFAULT_HOST, 0, ServerConfig.DEFAULT_DATA_DIR, defaultRunner, taskSlots));
  }

  public RunnerSelection(ServerConfig config) {
    this.defaultRunner = config.runner();
    // Each task may use two slots: a stage and the next one run side by side in a Flink batch job.
    this.flinkSettings = new FlinkClusterSettings(2 * config.taskSlots(), 2, 512, 128, false);
    if (config.flinkMaster().isPresent()) {
      // Cheap: nothing connects until a job is submitted, so the server starts even while the cluster is down.
      this.flink = remote(config);
    } else if ("flink".equals(defaultRunner)) {
      flink();
    }
  }

  private static FlinkRemoteRunner remote(ServerConfig config) {
    if (!config.dataDir().isAbsolute()) {
      throw new IllegalArgumentException("With a Flink master the data dir must be an absolute path that every"
          + " TaskManager reaches at the same path, got '" + config.dataDir() + "'");
    }
    String master = config.flinkMaster().orElseThrow();
    return new FlinkRemoteRunner(ServerConfig.flinkHost(master), ServerConfig.flinkPort(master),
        config.flinkJobJar().orElseThrow(() -> new IllegalArgumentException("a Flink master needs a job jar")), false);
  }

  /** The runner a statement asked for in its context, else the default; Druid's 400 for an unknown name. */
  public Runner forContext(Map<String, Object> context) {
    Object requested = context == null ? null : context.get(CONTEXT_KEY);
    String name = requested == null ? defaultRunner : requested.toString();
    return switch (name) {
      case "direct" -> direct;
      case "flink" -> flink();
      default -> throw InvalidInput.exception(
          "Invalid value for context parameter [runner]: [" + name + "]; valid runners: direct, flink");
    };
  }

  /**
   * The runner of a SQL API query: in-process, falling back to the statement's runner when the
   * in-process executor refuses the plan (too many groups or rows, or a shape it does not run).
   */
  public Runner forSql(Map<String, Object> context) {
    return new InProcessFallbackRunner(inProcess, forContext(context));
  }

  private synchronized Runner flink() {
    if (flink == null) {
      flink = new FlinkEmbeddedRunner(flinkSettings);
    }
    return flink;
  }

  @Override
  public synchronized void close() {
    inProcess.close();
    if (flink instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot close the Flink runner", e);
      }
    }
    flink = null;
  }
}
