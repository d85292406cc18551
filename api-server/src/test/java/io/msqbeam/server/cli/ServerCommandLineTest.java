package io.msqbeam.server.cli;

import io.msqbeam.server.cli.ServerCommandLine.RunServer;
import io.msqbeam.server.cli.ServerCommandLine.ShowHelp;
import io.msqbeam.server.config.ServerConfig;
import io.msqbeam.translator.plan.HttpInputSourceConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerCommandLineTest {
  @Test
  void noFlagsGiveTheDefaults() {
    assertThat(config("server")).isEqualTo(new ServerConfig("127.0.0.1", 8888, Path.of("var"), "direct", 2));
  }

  @Test
  void theServerWordIsOptional() {
    assertThat(config()).isEqualTo(ServerConfig.defaults());
    assertThat(config("--port", "9000").port()).isEqualTo(9000);
  }

  @Test
  void everyFlagSetsItsField() {
    ServerConfig config = config(
        "server", "--host", "0.0.0.0", "--port", "0", "--data-dir", "/tmp/x", "--runner", "direct", "--task-slots", "4");

    assertThat(config).isEqualTo(new ServerConfig("0.0.0.0", 0, Path.of("/tmp/x"), "direct", 4));
  }

  @Test
  void aFlinkMasterTakesAnExistingAbsoluteDataDirAndAJobJar(@TempDir Path dataDir) throws Exception {
    Path jar = Files.createFile(dataDir.resolve("job.jar"));

    ServerConfig config = config("server", "--runner", "flink", "--flink-master", "flink.example:8081",
        "--data-dir", dataDir.toString(), "--flink-job-jar", jar.toString());

    assertThat(config.flinkMaster()).contains("flink.example:8081");
    assertThat(config.flinkJobJar()).contains(jar);
    assertThat(ServerConfig.flinkHost("flink.example:8081")).isEqualTo("flink.example");
    assertThat(ServerConfig.flinkPort("flink.example:8081")).isEqualTo(8081);
  }

  @Test
  void aFlinkMasterRefusesADataDirThatTaskManagersCannotShare(@TempDir Path dataDir) throws Exception {
    Path jar = Files.createFile(dataDir.resolve("job.jar"));

    assertThatThrownBy(() -> ServerCommandLine.parse("--flink-master", "h:8081", "--flink-job-jar", jar.toString()))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("msq-beam: --flink-master needs --data-dir to be an absolute path to an existing directory")
        .hasMessageContaining("got 'var'");
    assertThatThrownBy(() -> ServerCommandLine.parse("--flink-master", "h:8081", "--flink-job-jar", jar.toString(),
        "--data-dir", dataDir.resolve("not-mounted").toString()))
        .hasMessageContaining("an existing directory");
  }

  @Test
  void aFlinkMasterNeedsAJobJarThatExistsAndAHostAndPort(@TempDir Path dataDir) {
    assertThatThrownBy(() -> ServerCommandLine.parse("--flink-master", "h:8081", "--data-dir", dataDir.toString()))
        .hasMessage("msq-beam: --flink-master needs --flink-job-jar (bin/msq-beam passes flink-job/target/flink-job-*-job.jar)"
            + " (see --help)");
    assertThatThrownBy(() -> ServerCommandLine.parse("--flink-master", "h:8081", "--data-dir", dataDir.toString(),
        "--flink-job-jar", dataDir.resolve("missing.jar").toString()))
        .hasMessageContaining("missing.jar' does not exist");
    assertThatThrownBy(() -> ServerCommandLine.parse("--flink-master", "http://h:8081"))
        .hasMessage("msq-beam: the Flink master must be host:port (the JobManager's REST address), got 'http://h:8081'"
            + " (see --help)");
  }

  @Test
  void flagsAcceptTheirValueAfterAnEqualsSign() {
    assertThat(config("server", "--port=9001", "--data-dir=data").port()).isEqualTo(9001);
  }

  @Test
  void httpFlagsSetTheInputAllowList() {
    RunServer run = (RunServer) ServerCommandLine.parse("server", "--http-allowed-protocols", "HTTPS,http",
        "--http-allowed-hosts=data.example,127.0.0.1");
    assertThat(run.httpInput()).isEqualTo(new HttpInputSourceConfig(List.of("https", "http"),
        List.of("data.example", "127.0.0.1")));
    assertThat(((RunServer) ServerCommandLine.parse("server")).httpInput()).isEqualTo(HttpInputSourceConfig.DEFAULT);
    assertThatThrownBy(() -> ServerCommandLine.parse("server", "--http-allowed-protocols", ","))
        .hasMessage("msq-beam: --http-allowed-protocols: at least one protocol must be allowed (see --help)");
  }

  @Test
  void helpWinsOverEverythingElse() {
    assertThat(ServerCommandLine.parse("server", "--port", "1", "--help")).isInstanceOf(ShowHelp.class);
    assertThat(ServerCommandLine.parse("--bogus", "--help")).isInstanceOf(ShowHelp.class);
  }

  @Test
  void usageListsEveryOption() {
    assertThat(ServerCommandLine.usage())
        .contains("--host", "--port", "--data-dir", "--runner", "--task-slots", "--help", "default 8888",
            "--http-allowed-protocols", "--http-allowed-hosts", "--flink-master", "--flink-job-jar");
  }

  @Test
  void rejectsAnUnknownFlag() {
    assertThatThrownBy(() -> ServerCommandLine.parse("server", "--colour", "red"))
        .isInstanceOf(UsageException.class)
        .hasMessage("msq-beam: unknown option '--colour' (see --help)");
  }

  @Test
  void rejectsAFlagWithoutItsValue() {
    assertThatThrownBy(() -> ServerCommandLine.parse("server", "--port"))
        .hasMessage("msq-beam: option --port needs a value (see --help)");
    assertThatThrownBy(() -> ServerCommandLine.parse("server", "--host", "--port", "1"))
        .hasMessage("msq-beam: option --host needs a value (see --help)");
  }

  @Test
  void rejectsAPortThatIsNotANumber() {
    assertThatThrownBy(() -> ServerCommandLine.parse("server", "--port", "eighty"))
        .hasMessage("msq-beam: --port needs a whole number, got 'eighty' (see --help)");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> ServerCommandLine.parse("server", "--port", "70000"))
        .hasMessage("msq-beam: port must be from 0 to 65535, got 70000 (see --help)");
  }

  @Test
  void rejectsZeroTaskSlots() {
    assertThatThrownBy(() -> ServerCommandLine.parse("--task-slots", "0"))
        .hasMessage("msq-beam: task slots must be at least 1, got 0 (see --help)");
  }

  @Test
  void rejectsARunnerThisBuildDoesNotHave() {
    assertThatThrownBy(() -> ServerCommandLine.parse("--runner", "spark"))
        .hasMessage("msq-beam: unknown runner 'spark'; valid runners: direct, flink (see --help)");
  }

  @Test
  void rejectsAStrayArgument() {
    assertThatThrownBy(() -> ServerCommandLine.parse("server", "now"))
        .hasMessage("msq-beam: unexpected argument 'now' (see --help)");
  }

  @Test
  void usageErrorsCarryNoStackTrace() {
    assertThatThrownBy(() -> ServerCommandLine.parse("--port"))
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  private static ServerConfig config(String... args) {
    return ((RunServer) ServerCommandLine.parse(args)).config();
  }
}
