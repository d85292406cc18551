package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code parquet} input format end to end: the 20-row wikipedia sample is written as a Snappy
 * Parquet file (strings, a long, a DATE, a nested group, a LIST), ingested with EXTERN and a
 * {@code flattenSpec}, and read back with SQL against values taken from the sample itself.
 */
class ParquetIngestionIT {
  private static final Path SAMPLE = Path.of("src/test/resources/data/wikipedia-sampled.json").toAbsolutePath();
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message edit {"
      + " required binary timestamp (STRING);"
      + " optional binary channel (STRING);"
      + " optional int64 added;"
      + " optional int32 edit_date (DATE);"
      + " optional group author { optional binary name (STRING); optional boolean robot; }"
      + " optional group flags (LIST) { repeated group list { optional binary element (STRING); } }"
      + " }");

  @TempDir
  static Path dataDir;
  private static Path parquetFile;
  private static List<JsonNode> sample;
  private static ServerComponents server;
  private static TaskApi api;

  @BeforeAll
  static void start() throws Exception {
    sample = new ArrayList<>();
    for (String line : Files.readAllLines(SAMPLE)) {
      if (!line.isBlank()) {
        sample.add(TaskApi.JSON.readTree(line));
      }
    }
    parquetFile = dataDir.resolve("input").resolve("wikipedia-sampled.parquet");
    Files.createDirectories(parquetFile.getParent());
    write(parquetFile, sample);
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir.resolve("server")));
    server.start();
    api = new TaskApi(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void write(Path file, List<JsonNode> rows) throws Exception {
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(SCHEMA).withConf(new PlainParquetConfiguration())
        .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
      for (JsonNode row : rows) {
        Group group = groups.newGroup()
            .append("timestamp", row.path("timestamp").asText())
            .append("channel", row.path("channel").asText())
            .append("added", row.path("added").asLong())
            .append("edit_date", (int) (Instant.parse(row.path("timestamp").asText()).toEpochMilli() / 86_400_000L));
        group.addGroup("author").append("name", row.path("user").asText())
            .append("robot", row.path("isRobot").asBoolean());
        Group flags = group.addGroup("flags");
        for (char flag : row.path("flags").asText().toCharArray()) {
          flags.addGroup("list").append("element", String.valueOf(flag));
        }
        writer.write(group);
      }
    }
  }

  @Test
  void ingestsParquetRecordsWithAFlattenSpec() throws Exception {
    String extern = "TABLE(EXTERN('{\"type\":\"local\",\"baseDir\":\"" + parquetFile.getParent()
        + "\",\"filter\":\"*.parquet\"}','{\"type\":\"parquet\",\"flattenSpec\":{\"fields\":["
        + "{\"type\":\"path\",\"name\":\"user\",\"expr\":\"$.author.name\"},"
        + "{\"type\":\"path\",\"name\":\"firstFlag\",\"expr\":\"$.flags[0]\"}]}}',"
        + "'[{\"name\":\"timestamp\",\"type\":\"string\"},{\"name\":\"channel\",\"type\":\"string\"},"
        + "{\"name\":\"added\",\"type\":\"long\"},{\"name\":\"edit_date\",\"type\":\"long\"},"
        + "{\"name\":\"user\",\"type\":\"string\"},{\"name\":\"firstFlag\",\"type\":\"string\"}]'))";
    api.runToSuccess("INSERT INTO pq SELECT TIME_PARSE(\"timestamp\") AS __time, channel, added, edit_date,"
        + " \"user\", firstFlag FROM " + extern + " PARTITIONED BY DAY", "parquet1", Map.of());
    assertThat(api.report("query-parquet1").at("/multiStageQuery/payload/counters/0/0/input0/bytes/0").asLong())
        .isEqualTo(Files.size(parquetFile));

    JsonNode rows = api.sqlArray("SELECT __time, channel, added, edit_date, \"user\", firstFlag FROM pq"
        + " ORDER BY __time, channel, \"user\"");
    List<JsonNode> expected = new ArrayList<>(sample);
    expected.sort(Comparator.comparing((JsonNode r) -> Instant.parse(r.path("timestamp").asText()))
        .thenComparing(r -> r.path("channel").asText()).thenComparing(r -> r.path("user").asText()));
    assertThat(rows).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = expected.get(i);
      JsonNode got = rows.get(i);
      Instant time = Instant.parse(want.path("timestamp").asText());
      assertThat(Instant.parse(got.get(0).asText())).isEqualTo(time);
      assertThat(got.get(1).asText()).isEqualTo(want.path("channel").asText());
      assertThat(got.get(2).asLong()).isEqualTo(want.path("added").asLong());
      assertThat(got.get(3).asLong()).isEqualTo(time.toEpochMilli() / 86_400_000L * 86_400_000L);
      assertThat(got.get(4).asText()).isEqualTo(want.path("user").asText());
      String flags = want.path("flags").asText();
      if (flags.isEmpty()) {
        assertThat(got.get(5).isNull()).as("row %d firstFlag", i).isTrue();
      } else {
        assertThat(got.get(5).asText()).isEqualTo(flags.substring(0, 1));
      }
    }
  }

  @Test
  void refusesAFlattenSpecFieldTypeDruidsParquetFormatDoesNotHave() throws Exception {
    String extern = "TABLE(EXTERN('{\"type\":\"local\",\"files\":[\"" + parquetFile + "\"]}',"
        + "'{\"type\":\"parquet\",\"flattenSpec\":{\"fields\":[{\"type\":\"jq\",\"name\":\"u\",\"expr\":\".a\"}]}}',"
        + "'[{\"name\":\"u\",\"type\":\"string\"}]'))";
    var response = api.post("/druid/v2/sql/task", TaskApi.body("INSERT INTO bad SELECT u FROM " + extern
        + " PARTITIONED BY ALL", "parquet2", Map.of()));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TaskApi.JSON.readTree(response.body()).at("/error/errorMessage").asText())
        .startsWith("Invalid value for the field [inputFormat]. Reason:");
  }
}
