package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Flink configuration ({@code config.yaml}) and JVM options of a standalone cluster's two
 * processes: what flink-dist's scripts would compute, written out because there is no flink-dist.
 * Everything binds to 127.0.0.1. The TaskManager's every memory option is set explicitly, since only
 * the scripts know how to derive them (DESIGN §5), and its JVM limits are their sums. Pure: no files,
 * no processes.
 *
 * @param clusterDir where the cluster keeps its files (temporary files, blobs)
 * @param rpcPort the JobManager's RPC port, which the TaskManager registers at
 */
record StandaloneClusterConfig(StandaloneClusterSettings settings, Path clusterDir, int restPort, int rpcPort) {
  private static final int FRAMEWORK_HEAP_MB = 128;
  private static final int FRAMEWORK_OFF_HEAP_MB = 128;
  /** Direct buffers of the jobs' code, e.g. Druid's compression while writing segments. */
  private static final int TASK_OFF_HEAP_MB = 256;
  private static final int NETWORK_MB = 128;
  /** Each job loads Beam, Druid and Calcite again in its own class loader. */
  private static final int METASPACE_MB = 512;
  private static final int JVM_OVERHEAD_MB = 192;
  private static final int JOBMANAGER_HEAP_MB = 512;

  StandaloneClusterConfig {
    requireNonNull(settings, "settings is null");
    requireNonNull(clusterDir, "clusterDir is null");
  }

  /** The entries of {@code config.yaml}, in a stable order. */
  Map<String, String> flinkConfiguration() {
    int slots = settings.taskSlots();
    return ImmutableMap.<String, String>builder()
        .put("jobmanager.rpc.address", "127.0.0.1")
        .put("jobmanager.rpc.port", Integer.toString(rpcPort))
        .put("jobmanager.bind-host", "127.0.0.1")
        .put("rest.address", "127.0.0.1")
        .put("rest.bind-address", "127.0.0.1")
        .put("rest.port", Integer.toString(restPort))
        .put("taskmanager.host", "127.0.0.1")
        .put("taskmanager.bind-host", "127.0.0.1")
        .put("taskmanager.numberOfTaskSlots", Integer.toString(slots))
        .put("taskmanager.cpu.cores", Integer.toString(slots))
        .put("taskmanager.memory.framework.heap.size", FRAMEWORK_HEAP_MB + "m")
        .put("taskmanager.memory.task.heap.size", settings.taskHeapMb() + "m")
        .put("taskmanager.memory.framework.off-heap.size", FRAMEWORK_OFF_HEAP_MB + "m")
        .put("taskmanager.memory.task.off-heap.size", TASK_OFF_HEAP_MB + "m")
        .put("taskmanager.memory.network.min", NETWORK_MB + "m")
        .put("taskmanager.memory.network.max", NETWORK_MB + "m")
        .put("taskmanager.memory.managed.size", settings.managedMemoryMb() + "m")
        .put("taskmanager.memory.jvm-metaspace.size", METASPACE_MB + "m")
        .put("taskmanager.memory.jvm-overhead.min", JVM_OVERHEAD_MB + "m")
        .put("taskmanager.memory.jvm-overhead.max", JVM_OVERHEAD_MB + "m")
        .put("io.tmp.dirs", clusterDir.resolve("tmp").toString())
        .put("blob.storage.directory", clusterDir.resolve("blobs").toString())
        .put("web.tmpdir", clusterDir.resolve("tmp").toString())
        // A killed TaskManager fails its job within seconds: two failed heartbeat RPCs, 2 s apart (Flink's
        // default interval is 10 s); a silent one after 30 s, generous enough for a busy machine.
        .put("heartbeat.interval", "2000")
        .put("heartbeat.timeout", "30000")
        // One TaskManager: every exchange stays in its JVM, where compressing batch shuffles only costs CPU.
        .put("taskmanager.network.batch-shuffle.compression.enabled", "false")
        // No restarts: a failed batch job ends its task FAILED (publishing nothing) instead of waiting for slots.
        .put("restart-strategy.type", "none")
        // Live report counters come from Flink's metrics through REST, refreshed at most this often (default 10 s).
        .put("metrics.fetcher.update-interval", "500")
        .build();
  }

  /** JVM options of the JobManager, before the main class. */
  List<String> jobManagerJvmOptions() {
    return jvmOptions("-Xms" + JOBMANAGER_HEAP_MB + "m", "-Xmx" + JOBMANAGER_HEAP_MB + "m",
        "-XX:MaxMetaspaceSize=256m");
  }

  /** JVM options of the TaskManager: the limits its Flink memory options add up to. */
  List<String> taskManagerJvmOptions() {
    int heap = FRAMEWORK_HEAP_MB + settings.taskHeapMb();
    int direct = FRAMEWORK_OFF_HEAP_MB + TASK_OFF_HEAP_MB + NETWORK_MB;
    return jvmOptions("-Xms" + heap + "m", "-Xmx" + heap + "m", "-XX:MaxDirectMemorySize=" + direct + "m",
        "-XX:MaxMetaspaceSize=" + METASPACE_MB + "m");
  }

  private List<String> jvmOptions(String... memory) {
    return ImmutableList.<String>builder().add(memory).addAll(settings.jvmOptions()).build();
  }

  /** {@code config.yaml}: flat keys, each value quoted as a YAML string. */
  String configYaml() {
    StringBuilder yaml = new StringBuilder("# Written by msq-beam flink-cluster start; read by the JobManager and TaskManager.\n");
    flinkConfiguration().forEach((key, value) -> yaml.append(key).append(": '").append(value.replace("'", "''")).append("'\n"));
    return yaml.toString();
  }

  /** Log4j 2 configuration: each process logs to the file in its {@code log.file} system property, as in flink-dist. */
  static String log4jProperties() {
    return String.join("\n",
        "rootLogger.level = INFO",
        "rootLogger.appenderRef.file.ref = MainAppender",
        "appender.main.name = MainAppender",
        "appender.main.type = File",
        "appender.main.fileName = ${sys:log.file}",
        "appender.main.layout.type = PatternLayout",
        "appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
        "");
  }
}
