package io.msqbeam.server.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The one place the server's Jackson {@link ObjectMapper} is configured.
 *
 * <p>Output is compact and deterministic as Druid's: records serialize in component order, maps in their
 * own iteration order, nulls are written unless a type says {@code @JsonInclude(NON_NULL)}. Unknown
 * request fields are ignored, as Druid does. Parse errors name their source ({@code [Source: …; line: 1,
 * column: 3]}) so that a client sees where its body broke, as in Druid's messages.
 */
public final class JsonMapper {
  private JsonMapper() {}

  public static ObjectMapper create() {
    return com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .addModule(new Jdk8Module())
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }
}
