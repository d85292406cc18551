package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Druid's password provider: a plain string (the {@code default} provider) or
 * {@code {"type":"environment","variable":"X"}}, resolved only where the password is used so that
 * a secret held in the environment never enters the plan.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PasswordProvider(String type, String password, String variable) implements java.io.Serializable {
  public static final String DEFAULT = "default";
  public static final String ENVIRONMENT = "environment";

  public PasswordProvider {
    if (!DEFAULT.equals(type) && !ENVIRONMENT.equals(type)) {
      throw new IllegalArgumentException("Unknown password provider type [" + type + "]");
    }
  }

  public static PasswordProvider of(String password) {
    return new PasswordProvider(DEFAULT, password, null);
  }

  public static PasswordProvider environment(String variable) {
    return new PasswordProvider(ENVIRONMENT, null, variable);
  }

  /** Accepts Druid's two spellings: a JSON string or an object with a {@code type}. */
  @JsonCreator
  public static PasswordProvider fromJson(JsonNode node) {
    if (node.isTextual()) {
      return of(node.asText());
    }
    String type = node.path("type").asText(DEFAULT);
    return new PasswordProvider(type, node.path("password").asText(null), node.path("variable").asText(null));
  }

  /** The password itself; for the environment provider, read now from the process environment. */
  public String resolve() {
    return DEFAULT.equals(type) ? password : System.getenv(variable);
  }
}
