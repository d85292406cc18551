package io.msqbeam.pipelines.input;

import java.io.Serializable;

/**
 * One unit of external input read by one worker: a local file ({@code path}) or inline text
 * ({@code inlineData}). Exactly one of the two is set.
 */
public record InputSplit(String path, String inlineData) implements Serializable {
  public InputSplit {
    if ((path == null) == (inlineData == null)) {
      throw new IllegalArgumentException("exactly one of path and inlineData must be set");
    }
  }

  public static InputSplit file(String path) {
    return new InputSplit(path, null);
  }

  public static InputSplit inline(String data) {
    return new InputSplit(null, data);
  }

  public String describe() {
    return path != null ? path : "inline data";
  }
}
