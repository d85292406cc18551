package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Druid's {@code local} input source: files under {@code baseDir} matching the wildcard {@code filter}
 * (searched recursively), and/or an explicit {@code files} list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalInputSource(String baseDir, String filter, List<String> files) implements java.io.Serializable, InputSource {
  public LocalInputSource {
    files = files == null ? null : List.copyOf(files);
  }
}
