package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Druid's {@code flattenSpec}: named fields extracted from nested input. With field discovery on
 * (the default) top-level fields are also available by their own names; an explicit field wins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlattenSpec(Boolean useFieldDiscovery, List<FlattenField> fields) implements java.io.Serializable {
  public FlattenSpec {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** Druid's default is {@code true}. */
  public boolean discoversFields() {
    return useFieldDiscovery == null || useFieldDiscovery;
  }
}
