package io.msqbeam.server.lookup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * One configured lookup, as Druid's coordinator holds it ({@code LookupExtractorFactoryMapContainer}):
 * a version and the factory spec, kept as plain JSON so that it reads back exactly as posted.
 *
 * @param version nullable: Druid accepts a spec without one when reading, then refuses to store it
 */
@JsonPropertyOrder({"version", "lookupExtractorFactory"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LookupSpec(String version, Map<String, Object> lookupExtractorFactory) {
  @JsonCreator
  public LookupSpec(@JsonProperty("version") String version,
      @JsonProperty("lookupExtractorFactory") Map<String, Object> lookupExtractorFactory) {
    this.version = version;
    // Druid's own check and wording ("null factory"), which Jackson reports as a bad body.
    this.lookupExtractorFactory = Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(lookupExtractorFactory, "null factory")));
  }

  /**
   * Whether this spec may replace {@code older}: Druid's rule, its version greater than the older one
   * by string order (a missing version sorts first, and two missing versions never replace).
   */
  public boolean replaces(LookupSpec older) {
    if (version == null && older.version() == null) {
      return false;
    }
    if (version == null) {
      return false;
    }
    return older.version() == null || version.compareTo(older.version()) > 0;
  }

  /** Druid's {@code toString} of the container, which its version error quotes. */
  @Override
  public String toString() {
    return "LookupExtractorFactoryContainer{version='" + version + "', lookupExtractorFactory="
        + lookupExtractorFactory + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LookupSpec other && Objects.equals(version, other.version)
        && lookupExtractorFactory.equals(other.lookupExtractorFactory);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, lookupExtractorFactory);
  }
}
