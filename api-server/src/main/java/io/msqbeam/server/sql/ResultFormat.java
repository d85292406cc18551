package io.msqbeam.server.sql;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * The {@code resultFormat} of a SQL API request, with Druid's wire names, and the writer for each.
 *
 * <p>Names are matched as Druid's {@code ResultFormat.fromString} does: upper-cased, then looked up, so
 * {@code "objectlines"} works and an unknown name fails with Druid's exact "No enum constant" message,
 * which names Druid's class because clients and fixtures see that text.
 */
public enum ResultFormat {
  OBJECT("object"),
  ARRAY("array"),
  OBJECTLINES("objectLines"),
  ARRAYLINES("arrayLines"),
  CSV("csv");

  /** The class name Druid's deserialization errors mention. */
  static final String DRUID_CLASS = "org.apache.druid.sql.http.ResultFormat";

  private final String wireName;

  ResultFormat(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static ResultFormat fromString(String name) {
    String constant = name.toUpperCase(Locale.ROOT);
    for (ResultFormat format : values()) {
      if (format.name().equals(constant)) {
        return format;
      }
    }
    throw new IllegalArgumentException("No enum constant " + DRUID_CLASS + "." + constant);
  }

  /** A writer of this format over {@code out}; nothing is written until {@link ResultWriter#start}. */
  public ResultWriter newWriter(OutputStream out, ObjectMapper json) throws IOException {
    return switch (this) {
      case OBJECT -> new JsonObjectResultWriter(out, json, false);
      case OBJECTLINES -> new JsonObjectResultWriter(out, json, true);
      case ARRAY -> new JsonArrayResultWriter(out, json, false);
      case ARRAYLINES -> new JsonArrayResultWriter(out, json, true);
      case CSV -> new CsvResultWriter(out, json);
    };
  }
}
