package io.msqbeam.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.server.cli.FlinkClusterCommand.Action;
import io.msqbeam.server.cli.FlinkClusterCommand.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkClusterCommandTest {
  @Test
  void startTakesItsOptions() {
    Invocation invocation = FlinkClusterCommand.parse("start", "--data-dir", "/d", "--rest-port", "0", "--task-slots", "3",
        "--taskmanager-heap-mb=2048", "--classpath-file", "/cp.txt");

    assertThat(invocation).isEqualTo(new Invocation(Action.START, Path.of("/d"), 0, 3, 2048, Optional.of(Path.of("/cp.txt"))));
    assertThat(invocation.clusterDir()).isEqualTo(Path.of("/d/flink-cluster"));
  }

  @Test
  void defaultsToFlinksRestPortAndTheDataDirOfTheServer() {
    Invocation invocation = FlinkClusterCommand.parse("status");

    assertThat(invocation.action()).isEqualTo(Action.STATUS);
    assertThat(invocation.clusterDir()).isEqualTo(Path.of("var/flink-cluster"));
    assertThat(invocation.restPort()).isEqualTo(8081);
  }

  @Test
  void rejectsAnUnknownCommandOrOption() {
    assertThatThrownBy(() -> FlinkClusterCommand.parse("restart"))
        .isInstanceOf(UsageException.class)
        .hasMessage("msq-beam flink-cluster: unknown command 'restart'; use start, stop or status (see --help)");
    assertThatThrownBy(() -> FlinkClusterCommand.parse("start", "--slots", "2"))
        .hasMessage("msq-beam flink-cluster: unknown option '--slots' (see --help)");
    assertThatThrownBy(() -> FlinkClusterCommand.parse("start", "--rest-port", "http"))
        .hasMessage("msq-beam flink-cluster: --rest-port needs a whole number, got 'http' (see --help)");
  }

  @Test
  void statusOfADirWithoutAClusterSaysSoAndExitsOne(@TempDir Path dataDir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = FlinkClusterCommand.run(FlinkClusterCommand.parse("status", "--data-dir", dataDir.toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("No Flink cluster started from " + dataDir);
  }
}
