package io.msqbeam.translator.plan;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpInputSourceConfigTest {
  private static HttpInputSource source(String... uris) {
    return new HttpInputSource(List.of(uris), null, null, null);
  }

  @Test
  void defaultAllowsHttpAndHttpsToAnyHost() {
    assertThatCode(() -> HttpInputSourceConfig.DEFAULT.check(source("http://a.example/x", "HTTPS://b.example/y")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> HttpInputSourceConfig.DEFAULT.check(source("http://a.example/x", "file:///etc/passwd")))
        .hasMessage("Only [http, https] protocols are allowed");
  }

  @Test
  void hostsAreComparedCaseInsensitivelyWhenListed() {
    HttpInputSourceConfig config = new HttpInputSourceConfig(List.of("https"), List.of("Data.Example"));
    assertThatCode(() -> config.check(source("https://DATA.example:8443/x"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> config.check(source("https://other.example/x")))
        .hasMessage("Only [data.example] hosts are allowed");
    assertThatThrownBy(() -> config.check(source("http://data.example/x")))
        .hasMessage("Only [https] protocols are allowed");
  }
}
