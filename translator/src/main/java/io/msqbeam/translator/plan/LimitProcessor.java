package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Keeps rows {@code offset} … {@code offset + limit} of its input, which arrives sorted by the input
 * stage's shuffle key. A null limit means no limit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimitProcessor(Long offset, Long limit) implements java.io.Serializable, StageProcessor {
  public LimitProcessor {
    if (offset != null && offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0");
    }
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0");
    }
  }
}
