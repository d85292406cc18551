package io.msqbeam.pipelines.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.snappy.FramedSnappyCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Decompression chosen by file name, as Druid's {@code CompressionUtils.decompress} does:
 * {@code .gz}, {@code .bz2}, {@code .xz}, {@code .sz} (framed Snappy), {@code .zst} and {@code .zip}
 * (its first entry). Any other name is read as is. Every stream is decoded incrementally, so a
 * large file is never held in memory. Multi-member gzip, bzip2 and xz files are read to the end.
 */
public enum Compression {
  NONE(""),
  GZIP(".gz"),
  BZIP2(".bz2"),
  XZ(".xz"),
  SNAPPY(".sz"),
  ZSTD(".zst"),
  ZIP(".zip");

  private static final int BUFFER = 1 << 16;

  private final String suffix;

  Compression(String suffix) {
    this.suffix = suffix;
  }

  /** The compression a file (or URI path) is stored with, judged by its name like Druid. */
  public static Compression forName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Compression compression : values()) {
      if (compression != NONE && lower.endsWith(compression.suffix)) {
        return compression;
      }
    }
    return NONE;
  }

  /** Wraps {@code raw} (closed with the result) in this decompressor, buffered. */
  public InputStream decompress(InputStream raw) throws IOException {
    InputStream in = new BufferedInputStream(raw, BUFFER);
    InputStream decoded = switch (this) {
      case NONE -> in;
      case GZIP -> new GZIPInputStream(in, BUFFER);
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
      case XZ -> new XZCompressorInputStream(in, true);
      case SNAPPY -> new FramedSnappyCompressorInputStream(in);
      case ZSTD -> new ZstdCompressorInputStream(in);
      case ZIP -> firstEntry(new ZipInputStream(in));
    };
    return decoded == in ? in : new BufferedInputStream(decoded, BUFFER);
  }

  private static InputStream firstEntry(ZipInputStream zip) throws IOException {
    if (zip.getNextEntry() == null) {
      zip.close();
      throw new IOException("zip file has no entries");
    }
    return zip;
  }
}
