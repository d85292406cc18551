package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink MiniCluster started once and kept running, so a job pays for its own work and not for a
 * cluster start (≈4.5 s with Beam's {@code [local]} master). Jobs reach it by id through
 * {@link #miniCluster()}; its REST endpoint listens on a free port of 127.0.0.1.
 */
final class EmbeddedFlinkCluster implements AutoCloseable {
  private final MiniCluster miniCluster;

  private EmbeddedFlinkCluster(MiniCluster miniCluster) {
    this.miniCluster = miniCluster;
  }

  static EmbeddedFlinkCluster start(FlinkClusterSettings settings) {
    requireNonNull(settings, "settings is null");
    Configuration configuration = new Configuration();
    configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, settings.taskSlots());
    configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(settings.managedMemoryMb()));
    configuration.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(settings.networkMemoryMb()));
    configuration.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(settings.networkMemoryMb()));
    configuration.set(RestOptions.ADDRESS, "127.0.0.1");
    configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    configuration.set(RestOptions.BIND_PORT, "0");
    // Live counters come from Flink's metrics through REST, refreshed at most this often (default 10 s);
    // the fetcher only runs while someone asks.
    configuration.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, 200L);
    // Every exchange of the embedded cluster stays in this JVM: compressing batch shuffle data only costs
    // CPU (LZ4 was a tenth of an ingestion's profile).
    configuration.set(NettyShuffleEnvironmentOptions.BATCH_SHUFFLE_COMPRESSION_ENABLED, false);
    // Job classes come from the server's own class path, which outlives every job by design.
    configuration.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
    MiniCluster miniCluster = new MiniCluster(new MiniClusterConfiguration.Builder()
        .setConfiguration(configuration)
        .setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(settings.taskSlots())
        .build());
    try {
      miniCluster.start();
    } catch (Exception e) {
      closeQuietly(miniCluster, e);
      throw new IllegalStateException("Cannot start the embedded Flink cluster", e);
    }
    return new EmbeddedFlinkCluster(miniCluster);
  }

  MiniCluster miniCluster() {
    return miniCluster;
  }

  /** The REST address, e.g. {@code http://127.0.0.1:41234}, for Flink's own API and tools. */
  URI restAddress() {
    return miniCluster.getRestAddress().join();
  }

  @Override
  public void close() {
    try {
      miniCluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop the embedded Flink cluster", e);
    }
  }

  private static void closeQuietly(MiniCluster miniCluster, Exception failure) {
    try {
      miniCluster.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }
}
