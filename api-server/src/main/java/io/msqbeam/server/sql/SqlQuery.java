package io.msqbeam.server.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of {@code POST /druid/v2/sql}: {@code query}, {@code resultFormat}, the header flags,
 * {@code context} and {@code parameters}.
 *
 * <p>Built by Jackson; the constructor rejects type header flags without {@code header} with Druid's
 * exact message, so that the failure surfaces, as in Druid, as a deserialization error (400, no
 * query-id headers). Absent fields take Druid's defaults: {@code object}, no headers, empty context.
 */
public record SqlQuery(
    String query,
    ResultFormat resultFormat,
    boolean header,
    boolean typesHeader,
    boolean sqlTypesHeader,
    Map<String, Object> context,
    List<JsonNode> parameters) {
  public SqlQuery {
    if (typesHeader && !header) {
      throw new IllegalArgumentException("Cannot include 'typesHeader' without 'header'");
    }
    if (sqlTypesHeader && !header) {
      throw new IllegalArgumentException("Cannot include 'sqlTypesHeader' without 'header'");
    }
    query = query == null ? "" : query;
    resultFormat = resultFormat == null ? ResultFormat.OBJECT : resultFormat;
    context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
  }

  /** The header rows this request asks for. */
  public ResultHeader resultHeader() {
    return new ResultHeader(header, typesHeader, sqlTypesHeader);
  }
}
