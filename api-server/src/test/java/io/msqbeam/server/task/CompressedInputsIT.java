package io.msqbeam.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.server.ServerComponents;
import io.msqbeam.server.config.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.snappy.FramedSnappyCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compressed input files through the server, the codec chosen by the file name as Druid chooses it:
 * Druid's 20-row {@code wikipedia-sampled.json} compressed here with each codec (the libraries the
 * readers use), ingested, and compared with the uncompressed file's ingestion: the same rows and sum,
 * and the report's input0 counters (rows, files; bytes as read after decompression, as Druid counts them).
 * The expected count, sum and channels (20, 12109, 11) are Python's over the uncompressed file.
 */
class CompressedInputsIT {
  private static final Path SAMPLE = Path.of("src/test/resources/data/wikipedia-sampled.json").toAbsolutePath();
  private static ServerComponents server;
  private static TaskApi api;
  private static Path inputs;
  private static JsonNode plain;

  private interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  @BeforeAll
  static void start(@org.junit.jupiter.api.io.TempDir Path dataDir) throws Exception {
    server = ServerComponents.create(ServerConfig.defaults().withPort(0).withDataDir(dataDir.resolve("server")));
    server.start();
    api = new TaskApi(server);
    inputs = Files.createDirectories(dataDir.resolve("inputs"));
    Files.copy(SAMPLE, inputs.resolve("sample.json"));
    write("sample.json.gz", GZIPOutputStream::new);
    write("sample.json.bz2", BZip2CompressorOutputStream::new);
    write("sample.json.xz", XZCompressorOutputStream::new);
    write("sample.json.zst", ZstdCompressorOutputStream::new);
    write("sample.json.sz", FramedSnappyCompressorOutputStream::new);
    write("sample.json.zip", out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      zip.putNextEntry(new ZipEntry("sample.json"));
      return zip;
    });
    plain = ingest("sample.json", "plain");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void write(String name, Compressor compressor) throws IOException {
    try (OutputStream out = compressor.wrap(Files.newOutputStream(inputs.resolve(name)))) {
      out.write(Files.readAllBytes(SAMPLE));
    }
  }

  /** Ingests one file into {@code dataSource}; returns its count and sum, then its input0 counters. */
  private static JsonNode ingest(String file, String dataSource) throws Exception {
    api.runToSuccess("INSERT INTO " + dataSource + " SELECT TIME_PARSE(\"timestamp\") AS __time, channel, added"
        + " FROM TABLE(EXTERN('{\"type\":\"local\",\"baseDir\":\"" + inputs + "\",\"filter\":\"" + file + "\"}',"
        + "'{\"type\":\"json\"}','[{\"name\":\"timestamp\",\"type\":\"string\"},{\"name\":\"channel\",\"type\":\"string\"},"
        + "{\"name\":\"added\",\"type\":\"long\"}]')) PARTITIONED BY DAY", dataSource, Map.of());
    JsonNode report = api.report("query-" + dataSource);
    JsonNode rows = api.sqlArray("SELECT COUNT(*), SUM(added), COUNT(DISTINCT channel) FROM " + dataSource);
    return TaskApi.JSON.createArrayNode().add(rows)
        .add(TaskApi.counterTotal(report, 0, "input0", "rows"))
        .add(TaskApi.counterTotal(report, 0, "input0", "files"))
        .add(TaskApi.counterTotal(report, 0, "input0", "bytes"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gz", "bz2", "xz", "zst", "sz", "zip"})
  void ingestsACompressedFileAsItsUncompressedRows(String codec) throws Exception {
    JsonNode compressed = ingest("sample.json." + codec, "codec_" + codec);

    assertThat(plain.get(0)).isEqualTo(TaskApi.JSON.readTree("[[20,12109,11]]"));
    assertThat(compressed).isEqualTo(plain);
    assertThat(compressed.get(3).asLong()).isEqualTo(Files.size(SAMPLE));
  }
}
