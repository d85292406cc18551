package io.msqbeam.pipelines.fault;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * An MSQ fault that ends a running task: Druid's {@code errorCode}, {@code errorMessage} and the
 * fault's extra fields, in the order Druid writes them.
 */
public record Fault(String errorCode, String errorMessage, Map<String, Object> fields) implements Serializable {
  public Fault {
    requireNonNull(errorCode, "errorCode is null");
    requireNonNull(errorMessage, "errorMessage is null");
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static Fault insertTimeNull() {
    return new Fault("InsertTimeNull", "Null timestamp (__time) encountered during INSERT or REPLACE.", Map.of());
  }

  public static Fault canceled() {
    return new Fault("Canceled", "Query canceled by user or by task shutdown.", Map.of());
  }

  public static Fault unknown(String message) {
    return new Fault("UnknownError", message == null ? "" : message, Map.of("message", message == null ? "" : message));
  }

  public static Fault cannotParseExternalData(String message) {
    return new Fault("CannotParseExternalData", message, Map.of());
  }

  public static Fault insertTimeOutOfBounds(String interval, java.util.List<String> bounds) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("interval", interval);
    fields.put("intervalBounds", java.util.List.copyOf(bounds));
    return new Fault("InsertTimeOutOfBounds", "Inserted data contains time chunk[" + interval
        + "] outside of bounds specified by OVERWRITE WHERE[" + bounds + "]. If you want to include this data, expand"
        + " your OVERWRITE WHERE. If you do not want to include this data, use SELECT ... WHERE to filter it from your"
        + " inserted data.", fields);
  }

  public static Fault insertCannotAllocateSegment(String dataSource, String interval) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("dataSource", dataSource);
    fields.put("interval", interval);
    return new Fault("InsertCannotAllocateSegment", "Cannot allocate segment for dataSource [" + dataSource
        + "], interval [" + interval + "]. This can happen if the prior ingestion uses non-extendable shard specs or"
        + " if the partitioned by granularity is different from the granularity of the pre-existing segments. Check"
        + " the granularities of the pre-existing segments or re-run the ingestion with REPLACE to overwrite over the"
        + " existing data", fields);
  }

  public static Fault tooManyBuckets(int maxBuckets) {
    return new Fault("TooManyBuckets", String.format("Too many partition buckets (max = %,d); try breaking your query"
        + " up into smaller queries or using a wider PARTITIONED BY", maxBuckets), Map.of("maxBuckets", maxBuckets));
  }

  public static Fault tooManyPartitions(int maxPartitions) {
    return new Fault("TooManyPartitions", "Too many partitions (max = " + maxPartitions + "); try breaking your query"
        + " up into smaller queries or using a larger target size", Map.of("maxPartitions", maxPartitions));
  }

  public static Fault tooManySegmentsInTimeChunk(String timeChunk, int numSegments, int maxNumSegments,
      String segmentGranularity) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("timeChunk", timeChunk);
    fields.put("numSegments", numSegments);
    fields.put("maxNumSegments", maxNumSegments);
    fields.put("segmentGranularity", segmentGranularity);
    return new Fault("TooManySegmentsInTimeChunk", String.format("Too many segments requested to be generated in time"
        + " chunk[%s] with granularity[%s] (requested = [%,d], maximum = [%,d]). Please try breaking up your query or"
        + " change the maximum using the query context parameter[maxNumSegments].", timeChunk, segmentGranularity,
        numSegments, maxNumSegments), fields);
  }

  public static Fault insertCannotBeEmpty(String dataSource) {
    return new Fault("InsertCannotBeEmpty", "No rows to insert for dataSource[" + dataSource + "]. Set"
        + " failOnEmptyInsert : false in the query context to allow empty inserts.", Map.of("dataSource", dataSource));
  }

  public static Fault tooManyColumns(int numColumns, int maxColumns) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("numColumns", numColumns);
    fields.put("maxColumns", maxColumns);
    return new Fault("TooManyColumns", "Too many output columns (requested = " + numColumns + ", max = " + maxColumns
        + ")", fields);
  }

  public static Fault tooManyClusteredByColumns(int numColumns, int maxColumns, int stage) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("numColumns", numColumns);
    fields.put("maxColumns", maxColumns);
    fields.put("stage", stage);
    return new Fault("TooManyClusteredByColumns", "Too many cluster by columns present in stage [" + stage
        + "] (requested = " + numColumns + ", max = " + maxColumns + ")", fields);
  }

  public static Fault tooManyWarnings(long maxWarnings, String rootErrorCode) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("maxWarnings", maxWarnings);
    fields.put("rootErrorCode", rootErrorCode);
    return new Fault("TooManyWarnings", "Too many warnings of type " + rootErrorCode + " generated (max = "
        + maxWarnings + ")", fields);
  }

  /**
   * A string with a NUL reached a frame (Druid's {@code InvalidNullByteFault}); every field may be
   * null when unknown. Druid's {@code position} is the NUL's 0-based offset in the UTF-8 bytes (its
   * javadoc says 1-based, its tests and code say otherwise).
   */
  public static Fault invalidNullByte(String source, Long rowNumber, String column, String value, Integer position) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    putIfNotNull(fields, "source", source);
    putIfNotNull(fields, "rowNumber", rowNumber);
    putIfNotNull(fields, "column", column);
    putIfNotNull(fields, "value", value);
    putIfNotNull(fields, "position", position);
    return new Fault("InvalidNullByte", "Invalid null byte at source[" + source + "], rowNumber[" + rowNumber
        + "], column[" + column + "], value[" + value + "], position[" + position + "]. Consider sanitizing the"
        + " input string column using \"REPLACE(\"" + column + "\", U&'\\0000', '') AS " + column
        + "\" or setting 'removeNullBytes' to true in the query context.", fields);
  }

  public static Fault columnNameRestricted(String columnName) {
    return new Fault("ColumnNameRestricted", "[" + columnName + "] column name is reserved for MSQ's internal purpose."
        + " Please retry the query after renaming the column.", Map.of("columnName", columnName));
  }

  public static Fault rowTooLarge(long maxFrameSize) {
    return new Fault("RowTooLarge", String.format("Encountered row that cannot fit in a single frame (max frame size"
        + " = %,d)", maxFrameSize), Map.of("maxFrameSize", maxFrameSize));
  }

  /** A native query's failure while it reads rows (Druid's {@code QueryRuntimeFault}). */
  public static Fault queryRuntimeError(String errorMessage, String baseErrorMessage) {
    Map<String, Object> fields = new LinkedHashMap<>();
    putIfNotNull(fields, "baseErrorMessage", baseErrorMessage);
    return new Fault("QueryRuntimeError", errorMessage, fields);
  }

  private static void putIfNotNull(Map<String, Object> fields, String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
  }

  /** Druid's task status {@code errorMsg}: {@code "<errorCode>: <errorMessage>"}. */
  public String statusMessage() {
    return errorCode + ": " + errorMessage;
  }
}
