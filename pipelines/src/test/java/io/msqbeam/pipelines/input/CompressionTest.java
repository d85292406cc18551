package io.msqbeam.pipelines.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.snappy.FramedSnappyCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;

class CompressionTest {
  private static final String TEXT = "a,b\n".repeat(10_000);

  private interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] compress(Compressor compressor) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = compressor.wrap(bytes)) {
      out.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static String read(String name, byte[] bytes) throws IOException {
    try (InputStream in = Compression.forName(name).decompress(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void choosesTheCodecByFileNameAsDruidDoes() {
    assertThat(Compression.forName("/d/wikiticker.json.gz")).isEqualTo(Compression.GZIP);
    assertThat(Compression.forName("x.CSV.BZ2")).isEqualTo(Compression.BZIP2);
    assertThat(Compression.forName("x.xz")).isEqualTo(Compression.XZ);
    assertThat(Compression.forName("x.zst")).isEqualTo(Compression.ZSTD);
    assertThat(Compression.forName("x.sz")).isEqualTo(Compression.SNAPPY);
    assertThat(Compression.forName("x.zip")).isEqualTo(Compression.ZIP);
    assertThat(Compression.forName("x.json")).isEqualTo(Compression.NONE);
  }

  @Test
  void readsEveryCodecOnTheClasspath() throws IOException {
    assertThat(read("f.gz", compress(GZIPOutputStream::new))).isEqualTo(TEXT);
    assertThat(read("f.bz2", compress(BZip2CompressorOutputStream::new))).isEqualTo(TEXT);
    assertThat(read("f.xz", compress(XZCompressorOutputStream::new))).isEqualTo(TEXT);
    assertThat(read("f.zst", compress(ZstdCompressorOutputStream::new))).isEqualTo(TEXT);
    assertThat(read("f.sz", compress(FramedSnappyCompressorOutputStream::new))).isEqualTo(TEXT);
    assertThat(read("f.zip", compress(out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      zip.putNextEntry(new ZipEntry("inner.csv"));
      return zip;
    }))).isEqualTo(TEXT);
  }

  @Test
  void readsConcatenatedGzipMembers() throws IOException {
    byte[] one = compress(GZIPOutputStream::new);
    byte[] two = new byte[one.length * 2];
    System.arraycopy(one, 0, two, 0, one.length);
    System.arraycopy(one, 0, two, one.length, one.length);
    assertThat(read("f.gz", two)).isEqualTo(TEXT + TEXT);
  }
}
