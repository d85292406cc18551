package io.msqbeam.translator.plan;

import static java.util.Objects.requireNonNull;

/** Druid's {@code inline} input source: the rows are in {@code data}, separated by newlines. */
public record InlineInputSource(String data) implements java.io.Serializable, InputSource {
  public InlineInputSource {
    requireNonNull(data, "data is null");
  }
}
