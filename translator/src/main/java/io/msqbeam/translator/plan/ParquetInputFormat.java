package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Druid's {@code parquet} input format (extension {@code druid-parquet-extensions}): one row per
 * record of a Parquet file, fields by name, nested fields through a {@code flattenSpec} of
 * {@code root} and {@code path} fields. {@code binaryAsString} reads a BINARY column without a
 * string annotation as UTF-8 text instead of base64.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParquetInputFormat(FlattenSpec flattenSpec, Boolean binaryAsString)
    implements java.io.Serializable, InputFormat {
  public boolean readsBinaryAsString() {
    return Boolean.TRUE.equals(binaryAsString);
  }
}
