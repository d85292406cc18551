package io.msqbeam.pipelines.input;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Opens a split as a stream of uncompressed bytes, the compression chosen by the file or URI path name. */
public final class SplitStreams {
  private SplitStreams() {}

  public static InputStream open(InputSplit split) throws IOException {
    if (split instanceof InputSplit.InlineSplit inline) {
      return new ByteArrayInputStream(inline.data().getBytes(StandardCharsets.UTF_8));
    }
    if (split instanceof InputSplit.FileSplit file) {
      return Compression.forName(file.path()).decompress(new FileInputStream(file.path()));
    }
    InputSplit.HttpSplit http = (InputSplit.HttpSplit) split;
    String path = URI.create(http.uri()).getPath();
    return Compression.forName(path == null ? "" : path).decompress(HttpEntity.open(http.uri(), http.source()));
  }
}
