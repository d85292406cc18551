package io.msqbeam.runners.flink;

import java.util.function.Supplier;
import org.apache.flink.api.java.ExecutionEnvironment;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Makes Beam's FlinkRunner (with master {@code [auto]}) build its Flink environments on our executor,
 * the way Flink's own CLI hands a program its cluster: through the "context environment" factories
 * of {@link ExecutionEnvironment} (DataSet translation) and {@link StreamExecutionEnvironment}
 * (DataStream translation). Those factories are static, so submissions take turns; each holds the
 * lock only while Beam translates and submits, not while the job runs.
 */
final class ContextEnvironments {
  private static final Object LOCK = new Object();

  private ContextEnvironments() {}

  /** Runs {@code submission} with both context environments executing through {@code executors}. */
  static <T> T with(PipelineExecutorServiceLoader executors, Supplier<T> submission) {
    ClassLoader classLoader = ContextEnvironments.class.getClassLoader();
    synchronized (LOCK) {
      BatchContext.install(executors, classLoader);
      StreamingContext.install(executors, classLoader);
      try {
        return submission.get();
      } finally {
        BatchContext.reset();
        StreamingContext.reset();
      }
    }
  }

  /** Flink refuses to execute without an {@code execution.target}; name ours. */
  private static Configuration target(PipelineExecutorServiceLoader executors, Configuration configuration) {
    configuration.set(DeploymentOptions.TARGET, executors.getExecutorNames().findFirst().orElseThrow());
    configuration.set(DeploymentOptions.ATTACHED, false);
    return configuration;
  }

  /** Only here to reach {@link ExecutionEnvironment}'s protected static context methods. */
  private static final class BatchContext extends ExecutionEnvironment {
    private BatchContext() {
      super(new Configuration());
    }

    static void install(PipelineExecutorServiceLoader executors, ClassLoader classLoader) {
      initializeContextEnvironment(() -> new ExecutionEnvironment(executors, target(executors, new Configuration()),
          classLoader));
    }

    static void reset() {
      resetContextEnvironment();
    }
  }

  /** Only here to reach {@link StreamExecutionEnvironment}'s protected static context methods. */
  private static final class StreamingContext extends StreamExecutionEnvironment {
    private StreamingContext() {
      super(new Configuration());
    }

    static void install(PipelineExecutorServiceLoader executors, ClassLoader classLoader) {
      initializeContextEnvironment(configuration -> new StreamExecutionEnvironment(executors,
          target(executors, new Configuration(configuration)), classLoader));
    }

    static void reset() {
      resetContextEnvironment();
    }
  }
}
