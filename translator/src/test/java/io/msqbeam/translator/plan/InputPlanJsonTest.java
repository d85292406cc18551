package io.msqbeam.translator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input sources and formats read Druid's JSON and write it back unchanged, and survive Java serialization. */
class InputPlanJsonTest {
  private static void roundTrips(String json, Class<?> type) throws Exception {
    Object value = PlanJson.fromJson(json, type);
    assertThat(PlanJson.toJson(value)).isEqualTo(json);
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(value);
    }
  }

  @Test
  void inputSourcesRoundTrip() throws Exception {
    roundTrips("{\"type\":\"http\",\"uris\":[\"https://example.com/a.csv.gz\"],\"httpAuthenticationUsername\":\"bob\","
        + "\"httpAuthenticationPassword\":{\"type\":\"environment\",\"variable\":\"PW\"}}", InputSource.class);
    roundTrips("{\"type\":\"local\",\"baseDir\":\"/d\",\"filter\":\"*.csv\"}", InputSource.class);
    roundTrips("{\"type\":\"inline\",\"data\":\"a,b\"}", InputSource.class);
  }

  @Test
  void aPlainPasswordStringIsTheDefaultProvider() {
    HttpInputSource source = (HttpInputSource) PlanJson.fromJson(
        "{\"type\":\"http\",\"uris\":[\"http://h/x\"],\"httpAuthenticationPassword\":\"secret\"}", InputSource.class);
    assertThat(source.httpAuthenticationPassword()).isEqualTo(PasswordProvider.of("secret"));
  }

  @Test
  void inputFormatsRoundTrip() throws Exception {
    roundTrips("{\"type\":\"csv\",\"columns\":[\"a\",\"b\"],\"listDelimiter\":\"|\",\"skipHeaderRows\":1}",
        InputFormat.class);
    roundTrips("{\"type\":\"tsv\",\"delimiter\":\"|\",\"findColumnsFromHeader\":true,\"skipHeaderRows\":0}",
        InputFormat.class);
    roundTrips("{\"type\":\"json\"}", InputFormat.class);
    roundTrips("{\"type\":\"json\",\"flattenSpec\":{\"useFieldDiscovery\":true,\"fields\":[{\"type\":\"path\","
        + "\"name\":\"a\",\"expr\":\"$.x[0]\"}]}}", InputFormat.class);
  }

  @Test
  void httpSourcesCheckTheirProtocols() {
    HttpInputSource source = new HttpInputSource(List.of("ftp://h/x"), null, null, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> source.checkProtocols(HttpInputSource.DEFAULT_ALLOWED_PROTOCOLS))
        .hasMessage("Only [http, https] protocols are allowed");
  }
}
