package io.msqbeam.pipelines.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.msqbeam.translator.plan.HttpInputSource;
import io.msqbeam.translator.plan.ParquetInputFormat;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetLinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message r {"
      + " optional binary raw;"
      + " optional int96 at;"
      + " optional int64 micros (TIMESTAMP(MICROS,true));"
      + " optional fixed_len_byte_array(4) price (DECIMAL(9,2));"
      + " optional group attrs (MAP) { repeated group key_value { required binary key (STRING);"
      + "   optional int32 value; } }"
      + " repeated int32 legacy;"
      + " }");
  /** 2024-01-02T03:04:05.006Z. */
  private static final long MILLIS = 1_704_164_645_006L;

  @TempDir
  Path dir;

  private Path write() throws Exception {
    Path file = dir.resolve("r.parquet");
    ByteBuffer int96 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    long day = Math.floorDiv(MILLIS, 86_400_000L);
    int96.putLong((MILLIS - day * 86_400_000L) * 1_000_000L).putInt((int) (day + 2_440_588L));
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
        .withConf(new PlainParquetConfiguration()).build()) {
      Group row = new SimpleGroupFactory(SCHEMA).newGroup()
          .append("raw", Binary.fromString("hé"))
          .append("at", Binary.fromConstantByteArray(int96.array()))
          .append("micros", MILLIS * 1_000L + 999)
          .append("price", Binary.fromConstantByteArray(ByteBuffer.allocate(4).putInt(12345).array()))
          .append("legacy", 1).append("legacy", 2);
      Group attrs = row.addGroup("attrs");
      attrs.addGroup("key_value").append("key", "a").append("value", 7);
      writer.write(row);
    }
    return file;
  }

  private static List<JsonNode> read(InputSplit split, boolean binaryAsString) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    try (SplitRecords lines = SplitRecords.open(split, new ParquetInputFormat(null, binaryAsString))) {
      while (lines.next()) {
        records.add(JSON.readTree(lines.line(), 0, lines.length()));
      }
    }
    return records;
  }

  @Test
  void rendersEachRecordAsDruidsParquetConverterSeesIt() throws Exception {
    Path file = write();
    JsonNode record = read(InputSplit.file(file.toString()), false).get(0);
    assertThat(record.path("raw").asText())
        .isEqualTo(Base64.getEncoder().encodeToString("hé".getBytes(StandardCharsets.UTF_8)));
    assertThat(record.path("at").asLong()).isEqualTo(MILLIS);
    assertThat(record.path("micros").asLong()).isEqualTo(MILLIS);
    assertThat(record.path("price").asDouble()).isEqualTo(123.45);
    assertThat(record.path("attrs").path("a").asInt()).isEqualTo(7);
    assertThat(record.path("legacy").toString()).isEqualTo("[1,2]");
    assertThat(read(InputSplit.file(file.toString()), true).get(0).path("raw").asText()).isEqualTo("hé");
  }

  @Test
  void readsAnHttpSplitThroughATemporaryCopyItDeletes() throws Exception {
    byte[] body = Files.readAllBytes(write());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/r.parquet", exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/r.parquet";
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      long copiesBefore = countCopies(tmp);
      List<JsonNode> records = read(InputSplit.http(uri, new HttpInputSource(List.of(uri), null, null, null)), false);
      assertThat(records).hasSize(1);
      assertThat(records.get(0).path("attrs").path("a").asInt()).isEqualTo(7);
      assertThat(countCopies(tmp)).isEqualTo(copiesBefore);
    } finally {
      server.stop(0);
    }
  }

  private static long countCopies(Path tmp) throws Exception {
    try (var files = Files.list(tmp)) {
      return files.filter(p -> p.getFileName().toString().startsWith("msq-beam-parquet-")).count();
    }
  }
}
