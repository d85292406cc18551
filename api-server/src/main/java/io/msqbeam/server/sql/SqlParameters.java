package io.msqbeam.server.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.msqbeam.translator.planner.SqlParameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code parameters} of a SQL request body ({@code [{"type":…,"value":…}]}) as the planner binds
 * them to the {@code ?}s in order; shared by the SQL API and the statements API, which take the same body.
 */
public final class SqlParameters {
  private SqlParameters() {}

  /** A missing type is VARCHAR, and a missing or null value binds SQL NULL. */
  public static List<SqlParameter> of(List<JsonNode> parameters) {
    List<SqlParameter> bound = new ArrayList<>(parameters.size());
    for (JsonNode parameter : parameters) {
      JsonNode value = parameter.path("value");
      bound.add(new SqlParameter(parameter.path("type").asText("VARCHAR"),
          value.isNull() || value.isMissingNode() ? null : value.isNumber() ? value.numberValue()
              : value.isBoolean() ? (Object) value.booleanValue() : value.asText()));
    }
    return bound;
  }
}
