package io.msqbeam.translator.planner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The {@code ATTRIBUTES} of Druid's EXPLAIN PLAN output, in its field order: the statement type and,
 * for INSERT and REPLACE, the target ({@code {"type":"table","tableName":…}}), the PARTITIONED BY
 * granularity (a name such as {@code "DAY"}, or {@code {"type":"all"}}), the CLUSTERED BY columns, and
 * for REPLACE the time chunks it overwrites ({@code "ALL"} or the intervals joined by commas).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"statementType", "targetDataSource", "partitionedBy", "clusteredBy", "replaceTimeChunks"})
public record ExplainAttributes(String statementType, Map<String, String> targetDataSource, Object partitionedBy,
    List<String> clusteredBy, String replaceTimeChunks) {

  static final ExplainAttributes SELECT = new ExplainAttributes("SELECT", null, null, null, null);

  static ExplainAttributes ingestion(String statementType, String dataSource, String granularity,
      List<String> clusteredBy, List<String> replaceTimeChunks, boolean overwriteAll) {
    Map<String, String> target = new java.util.LinkedHashMap<>();
    target.put("type", "table");
    target.put("tableName", dataSource);
    return new ExplainAttributes(statementType, target,
        "ALL".equals(granularity) ? Map.of("type", "all") : granularity,
        clusteredBy.isEmpty() ? null : List.copyOf(clusteredBy),
        replaceTimeChunks == null ? null : overwriteAll ? "ALL" : String.join(",", replaceTimeChunks));
  }
}
