package io.msqbeam.runners.flink;

/**
 * The size of the embedded Flink cluster and how jobs use it. The defaults fit a 2-core machine
 * beside the server: one TaskManager with two slots, jobs at parallelism 2, 512 MiB of managed
 * memory (Flink's sorters for GroupByKey) and 128 MiB of network buffers.
 *
 * @param taskSlots slots of the one TaskManager; a job needs {@code parallelism} slots
 * @param parallelism default parallelism of a job
 * @param managedMemoryMb managed memory of the TaskManager, shared by its slots
 * @param networkMemoryMb network buffer memory of the TaskManager
 * @param useDataStreamForBatch translate with Beam's DataStream batch path instead of the DataSet one
 */
public record FlinkClusterSettings(int taskSlots, int parallelism, int managedMemoryMb, int networkMemoryMb,
    boolean useDataStreamForBatch) {
  public static final FlinkClusterSettings DEFAULTS = new FlinkClusterSettings(2, 2, 512, 128, false);

  public FlinkClusterSettings {
    if (taskSlots < 1 || parallelism < 1 || parallelism > taskSlots) {
      throw new IllegalArgumentException(
          "need 1 <= parallelism <= taskSlots, got parallelism " + parallelism + " and taskSlots " + taskSlots);
    }
    if (managedMemoryMb < 16 || networkMemoryMb < 16) {
      throw new IllegalArgumentException("managed and network memory need at least 16 MiB each");
    }
  }

  public FlinkClusterSettings withUseDataStreamForBatch(boolean useDataStream) {
    return new FlinkClusterSettings(taskSlots, parallelism, managedMemoryMb, networkMemoryMb, useDataStream);
  }

  public FlinkClusterSettings withParallelism(int slots, int newParallelism) {
    return new FlinkClusterSettings(slots, newParallelism, managedMemoryMb, networkMemoryMb, useDataStreamForBatch);
  }
}
