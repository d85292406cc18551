package io.msqbeam.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.config.BuildInfo;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.InvalidInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiServerTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper mapper = JsonMapper.create();
  private ApiServer server;

  /** A request body for the test route that parses JSON. */
  record Echo(String query, Map<String, Object> context) {}

  @BeforeEach
  void startServer() {
    Routes testRoutes = routes -> {
      Map<String, String> context = new LinkedHashMap<>();
      context.put("sourceType", "sql");
      context.put("line", "2");
      routes.get("/test/invalid-input", ctx -> {
        throw new DruidException("invalidInput", DruidException.Persona.USER,
            DruidException.Category.INVALID_INPUT, "Column 'x' not found", context, null);
      });
      routes.get("/test/not-found", ctx -> {
        throw new DruidException("notFound", DruidException.Persona.USER,
            DruidException.Category.NOT_FOUND, "No such thing", Map.of(), null);
      });
      routes.get("/test/bug", ctx -> {
        throw new IllegalStateException("something broke");
      });
      JsonBody jsonBody = new JsonBody(mapper);
      routes.post("/test/echo", ctx -> ctx.json(jsonBody.read(ctx, Echo.class)));
    };
    server = new ApiServer("127.0.0.1", 0, mapper, List.of(testRoutes));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void bindsAFreePortWhenAskedForPortZero() {
    assertThat(server.port()).isPositive();
  }

  @Test
  void healthIsTrueAsJson() throws Exception {
    HttpResponse<String> response = get("/status/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body()).isEqualTo("true");
  }

  @Test
  void statusReportsVersionModulesAndMemoryInDruidsFieldOrder() throws Exception {
    HttpResponse<String> response = get("/status");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).matches(
        "\\{\"version\":\"" + BuildInfo.version().replace(".", "\\.") + "\",\"modules\":\\[],"
            + "\"memory\":\\{\"maxMemory\":\\d+,\"totalMemory\":\\d+,\"freeMemory\":\\d+,"
            + "\"usedMemory\":\\d+,\"directMemory\":\\d+}}");
    assertThat(BuildInfo.version()).isNotEqualTo("unknown").doesNotContain("${");
  }

  @Test
  void taskEngineReportsItselfEnabled() throws Exception {
    HttpResponse<String> response = get("/druid/v2/sql/task/enabled");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"enabled\":true}");
  }

  @Test
  void druidExceptionBecomesItsCategorysStatusAndDruidsErrorBody() throws Exception {
    HttpResponse<String> response = get("/test/invalid-input");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body()).isEqualTo(
        "{\"error\":\"druidException\",\"errorCode\":\"invalidInput\",\"persona\":\"USER\","
            + "\"category\":\"INVALID_INPUT\",\"errorMessage\":\"Column 'x' not found\","
            + "\"context\":{\"sourceType\":\"sql\",\"line\":\"2\"}}");
  }

  @Test
  void notFoundCategoryIsSentAs404() throws Exception {
    HttpResponse<String> response = get("/test/not-found");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("errorCode").asText()).isEqualTo("notFound");
  }

  @Test
  void unexpectedExceptionBecomes500GeneralUncategorized() throws Exception {
    HttpResponse<String> response = get("/test/bug");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo(
        "{\"error\":\"druidException\",\"errorCode\":\"general\",\"persona\":\"USER\","
            + "\"category\":\"UNCATEGORIZED\",\"errorMessage\":\"something broke\",\"context\":{}}");
  }

  @Test
  void malformedJsonBodyGetsTheRoutersUnknownExceptionBody() throws Exception {
    // The body of fixture msq-task/edge/submit-malformed-json.router-8888.
    HttpResponse<String> response = post("/test/echo", "{not json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode body = json(response);
    assertThat(body.fieldNames()).toIterable().containsExactly("error", "errorMessage", "errorClass", "host");
    assertThat(body.get("error").asText()).isEqualTo("Unknown exception");
    assertThat(body.get("errorMessage").asText()).startsWith(
        "Unexpected character ('n' (code 110)): was expecting double-quote to start field name\n at [Source: ");
    // Druid 33's older Jackson says column 3 for the same body; Jackson 2.20 counts from 1 correctly.
    assertThat(body.get("errorMessage").asText()).endsWith("line: 1, column: 2]");
    assertThat(body.get("errorClass").asText()).isEqualTo("com.fasterxml.jackson.core.JsonParseException");
    assertThat(body.get("host").isNull()).isTrue();
  }

  @Test
  void wronglyTypedJsonBodyNamesTheDatabindExceptionClass() throws Exception {
    HttpResponse<String> response = post("/test/echo", "{\"query\":\"x\",\"context\":[1]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("errorClass").asText())
        .isEqualTo("com.fasterxml.jackson.databind.exc.MismatchedInputException");
  }

  @Test
  void wellFormedJsonBodyIsReadIgnoringUnknownFieldsAndWrittenInComponentOrder() throws Exception {
    HttpResponse<String> response = post("/test/echo", "{\"context\":{\"b\":1,\"a\":2},\"extra\":true,\"query\":\"SELECT 1\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"query\":\"SELECT 1\",\"context\":{\"b\":1,\"a\":2}}");
  }

  @Test
  void druidErrorBodyKeepsTheFactoriesErrorCode() {
    DruidErrorBody body = DruidErrorBody.of(InvalidInput.exception("bad thing"));

    assertThat(body.errorCode()).isEqualTo("invalidInput");
    assertThat(body.category()).isEqualTo("INVALID_INPUT");
  }

  @Test
  void aTakenPortIsReportedInOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ApiServer second = new ApiServer("127.0.0.1", taken.getLocalPort(), mapper, List.of());

      assertThatThrownBy(second::start)
          .isInstanceOf(PortInUseException.class)
          .hasMessage("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(HttpResponse<String> response) throws IOException {
    return mapper.readTree(response.body());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
