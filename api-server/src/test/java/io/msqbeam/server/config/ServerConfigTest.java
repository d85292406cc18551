package io.msqbeam.server.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServerConfigTest {
  @Test
  void derivedDirectoriesLiveUnderTheDataDir() {
    ServerConfig config = ServerConfig.defaults().withDataDir(Path.of("/data"));

    assertThat(config.metadataDir()).isEqualTo(Path.of("/data/metadata"));
    assertThat(config.deepStorageDir()).isEqualTo(Path.of("/data/segments"));
    assertThat(config.tmpDir()).isEqualTo(Path.of("/data/tmp"));
  }

  @Test
  void defaultsListenOnLoopbackPort8888WithStateInVar() {
    assertThat(ServerConfig.defaults())
        .isEqualTo(new ServerConfig("127.0.0.1", 8888, Path.of("var"), "direct", 2));
  }
}
