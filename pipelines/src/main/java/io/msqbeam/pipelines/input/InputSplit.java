package io.msqbeam.pipelines.input;

import io.msqbeam.translator.plan.HttpInputSource;
import java.io.Serializable;

/**
 * One unit of external input read by one worker, never split further (Druid reads a file whole on
 * one worker): a local file, inline text, or one URI of an {@code http} source.
 */
public sealed interface InputSplit extends Serializable
    permits InputSplit.FileSplit, InputSplit.InlineSplit, InputSplit.HttpSplit {

  static InputSplit file(String path) {
    return new FileSplit(path);
  }

  static InputSplit inline(String data) {
    return new InlineSplit(data);
  }

  static InputSplit http(String uri, HttpInputSource source) {
    return new HttpSplit(uri, source);
  }

  /** What error messages call this split: the path, the URI or {@code inline data}. */
  String describe();

  /** A file on the local file system; compression is chosen by its name. */
  record FileSplit(String path) implements InputSplit {
    public FileSplit {
      java.util.Objects.requireNonNull(path, "path is null");
    }

    @Override
    public String describe() {
      return path;
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
