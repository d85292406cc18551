package io.msqbeam.pipelines.input;

import io.msqbeam.translator.plan.HttpInputSource;
import java.io.Serializable;

/**
 * One unit of external input read by one worker: a local file or a byte range of one, inline text,
 * or one URI of an {@code http} source.
 */
public sealed interface InputSplit extends Serializable
    permits InputSplit.FileSplit, InputSplit.InlineSplit, InputSplit.HttpSplit {

  static InputSplit file(String path) {
    return new FileSplit(path, 0, FileSplit.WHOLE);
  }

  /**
   * The lines of {@code path} that start in bytes {@code [start, start + length)}: splits of one
   * uncompressed file cover its lines exactly once, whatever the line lengths.
   */
  static InputSplit fileRange(String path, long start, long length) {
    return new FileSplit(path, start, length);
  }

  static InputSplit inline(String data) {
    return new InlineSplit(data);
  }

  static InputSplit http(String uri, HttpInputSource source) {
    return new HttpSplit(uri, source);
  }

  /** What error messages call this split: the path, the URI or {@code inline data}. */
  String describe();

  /**
   * The URI Druid's reader names in a message about a line it cannot read ({@code InputEntity.getUri()}:
   * {@code File.toURI()} of a file, the URI of an http source), or null for inline data, which has none.
   */
  String uri();

  /**
   * A file on the local file system, whole ({@code length} {@link #WHOLE}; compression is chosen by
   * its name) or the lines starting in a byte range of an uncompressed file.
   */
  record FileSplit(String path, long start, long length) implements InputSplit {
    /** The length of a split that is the whole file. */
    public static final long WHOLE = -1;

    public FileSplit {
      java.util.Objects.requireNonNull(path, "path is null");
      if (start < 0 || (length != WHOLE && length <= 0) || (length == WHOLE && start != 0)) {
        throw new IllegalArgumentException("bad range [" + start + ", +" + length + ") of " + path);
      }
    }

    public boolean isWholeFile() {
      return length == WHOLE;
    }

    @Override
    public String describe() {
      return path;
    }

    @Override
    public String uri() {
      return new java.io.File(path).toURI().toString();
    }
  }

  /** Rows given in the statement itself, never compressed. */
  record InlineSplit(String data) implements InputSplit {
    public InlineSplit {
      java.util.Objects.requireNonNull(data, "data is null");
    }

    @Override
    public String describe() {
      return "inline data";
    }

    @Override
    public String uri() {
      return null;
    }
  }

  /** One URI of an http source, carrying the source for its credentials and headers. */
  record HttpSplit(String uri, HttpInputSource source) implements InputSplit {
    public HttpSplit {
      java.util.Objects.requireNonNull(uri, "uri is null");
      java.util.Objects.requireNonNull(source, "source is null");
    }

    @Override
    public String describe() {
      return uri;
    }
  }
}
