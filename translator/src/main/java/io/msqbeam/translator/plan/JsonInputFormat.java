package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Druid's {@code json} input format: newline-delimited JSON objects, optionally flattened by a
 * {@code flattenSpec} of JSONPath fields. {@code keepNullColumns} only affects schema discovery,
 * which EXTERN's declared signature makes moot; it is kept so the plan echoes the user's JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonInputFormat(FlattenSpec flattenSpec, Boolean keepNullColumns)
    implements java.io.Serializable, InputFormat {
  public JsonInputFormat() {
    this(null, null);
  }
}
