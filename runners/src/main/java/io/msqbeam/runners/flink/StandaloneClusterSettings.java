package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start a standalone Flink session cluster on loopback: one JobManager and one TaskManager,
 * each its own JVM, from {@code classpath} (Flink's jars, module {@code flink-cluster}).
 *
 * @param classpath the jars both processes run from
 * @param jvmOptions extra options for both JVMs, e.g. the {@code --add-exports} Druid's segment writer needs
 * @param restPort the JobManager's REST port, what {@code --flink-master} names; 0 picks a free one
 * @param taskSlots slots of the TaskManager: the largest parallelism a job gets
 * @param taskHeapMb heap for the jobs' code in the TaskManager (shared by its slots)
 * @param managedMemoryMb Flink's managed memory (sorting for GroupByKey), shared by the slots
 */
public record StandaloneClusterSettings(List<Path> classpath, List<String> jvmOptions, int restPort, int taskSlots,
    int taskHeapMb, int managedMemoryMb) {
  public static final int DEFAULT_REST_PORT = 8081;
  public static final int DEFAULT_TASK_SLOTS = 2;
  public static final int DEFAULT_TASK_HEAP_MB = 1536;
  public static final int DEFAULT_MANAGED_MEMORY_MB = 512;

  public StandaloneClusterSettings {
    classpath = List.copyOf(requireNonNull(classpath, "classpath is null"));
    jvmOptions = List.copyOf(requireNonNull(jvmOptions, "jvmOptions is null"));
    if (classpath.isEmpty()) {
      throw new IllegalArgumentException("the Flink class path is empty");
    }
    if (restPort < 0 || restPort > 65535) {
      throw new IllegalArgumentException("REST port must be from 0 to 65535, got " + restPort);
    }
    if (taskSlots < 1) {
      throw new IllegalArgumentException("task slots must be at least 1, got " + taskSlots);
    }
    if (taskHeapMb < 128 || managedMemoryMb < 16) {
      throw new IllegalArgumentException("need at least 128 MiB of task heap and 16 MiB of managed memory");
    }
  }

  public static StandaloneClusterSettings defaults(List<Path> classpath, List<String> jvmOptions) {
    return new StandaloneClusterSettings(classpath, jvmOptions, DEFAULT_REST_PORT, DEFAULT_TASK_SLOTS,
        DEFAULT_TASK_HEAP_MB, DEFAULT_MANAGED_MEMORY_MB);
  }

  public StandaloneClusterSettings withRestPort(int port) {
    return new StandaloneClusterSettings(classpath, jvmOptions, port, taskSlots, taskHeapMb, managedMemoryMb);
  }

  public StandaloneClusterSettings withTaskSlots(int slots) {
    return new StandaloneClusterSettings(classpath, jvmOptions, restPort, slots, taskHeapMb, managedMemoryMb);
  }

  public StandaloneClusterSettings withTaskHeapMb(int heapMb) {
    return new StandaloneClusterSettings(classpath, jvmOptions, restPort, taskSlots, heapMb, managedMemoryMb);
  }
}
