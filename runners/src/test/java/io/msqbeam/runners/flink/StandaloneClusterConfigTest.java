package io.msqbeam.runners.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.taskexecutor.TaskExecutorResourceUtils;
import org.junit.jupiter.api.Test;

class StandaloneClusterConfigTest {
  private static final StandaloneClusterSettings SETTINGS =
      StandaloneClusterSettings.defaults(List.of(Path.of("/flink.jar")), List.of("--add-exports=a/b=ALL-UNNAMED"));
  private static final StandaloneClusterConfig CONFIG =
      new StandaloneClusterConfig(SETTINGS.withTaskSlots(3), Path.of("/var/flink-cluster"), 8081, 6123);

  @Test
  void setsEveryTaskManagerResourceThatFlinkInsistsOnWithoutItsScripts() throws Exception {
    Configuration configuration = Configuration.fromMap(CONFIG.flinkConfiguration());

    // TaskManagerRunner's own check (package-private in Flink): it throws when an option is not set explicitly.
    Method resourceSpec = TaskExecutorResourceUtils.class.getDeclaredMethod("resourceSpecFromConfig", Configuration.class);
    resourceSpec.setAccessible(true);
    assertThat(resourceSpec.invoke(null, configuration)).isNotNull();
    assertThatThrownBy(() -> resourceSpec.invoke(null, new Configuration()))
        .hasRootCauseInstanceOf(org.apache.flink.configuration.IllegalConfigurationException.class);
    assertThat(CONFIG.flinkConfiguration()).containsEntry("taskmanager.numberOfTaskSlots", "3")
        .containsEntry("taskmanager.memory.task.heap.size", "1536m")
        .containsEntry("taskmanager.memory.managed.size", "512m")
        .containsEntry("taskmanager.memory.network.min", "128m")
        .containsEntry("taskmanager.memory.network.max", "128m");
  }

  @Test
  void bindsEverythingToLoopbackAtTheGivenPorts() {
    Map<String, String> configuration = CONFIG.flinkConfiguration();

    assertThat(configuration).containsEntry("rest.port", "8081").containsEntry("jobmanager.rpc.port", "6123")
        .containsEntry("rest.bind-address", "127.0.0.1").containsEntry("jobmanager.bind-host", "127.0.0.1")
        .containsEntry("taskmanager.bind-host", "127.0.0.1").containsEntry("io.tmp.dirs", "/var/flink-cluster/tmp");
  }

  @Test
  void theTaskManagerJvmLimitsAreTheSumsOfItsMemoryOptions() {
    // heap = framework 128 + task 1536; direct = framework off-heap 128 + task off-heap 256 + network 128
    assertThat(CONFIG.taskManagerJvmOptions()).containsExactly("-Xms1664m", "-Xmx1664m",
        "-XX:MaxDirectMemorySize=512m", "-XX:MaxMetaspaceSize=512m", "--add-exports=a/b=ALL-UNNAMED");
  }

  @Test
  void writesTheConfigurationAsQuotedYamlStrings() {
    assertThat(CONFIG.configYaml()).contains("\nrest.port: '8081'\n", "\nrestart-strategy.type: 'none'\n");
  }
}
