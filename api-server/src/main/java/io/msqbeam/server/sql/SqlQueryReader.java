package io.msqbeam.server.sql;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.msqbeam.server.http.InvalidRequestBodyException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a {@link SqlQuery} from a request body and words its failures as a Druid router does.
 *
 * <p>Druid's messages come straight from Jackson reading its own classes from Jetty's input stream, e.g.
 * {@code Cannot construct instance of `org.apache.druid.sql.http.SqlQuery`, problem: …\n at [Source:
 * (org.eclipse.jetty.server.HttpInputOverHTTP); line: 1, column: 330]}. Our Jackson reports the same
 * problem and position for the same bytes; this class only swaps our class names and source for
 * Druid's, so that clients and fixtures see Druid's text byte for byte.
 */
public final class SqlQueryReader {
  private static final String OUR_PACKAGE = SqlQuery.class.getPackageName() + ".";
  private static final String DRUID_PACKAGE = "org.apache.druid.sql.http.";
  private static final String DRUID_SOURCE = "(org.eclipse.jetty.server.HttpInputOverHTTP)";

  private final ObjectMapper json;

  public SqlQueryReader(ObjectMapper json) {
    this.json = requireNonNull(json, "json is null");
  }

  /**
   * @throws InvalidRequestBodyException for malformed JSON or a rejected field, worded as Druid does
   */
  public SqlQuery read(byte[] body) {
    try {
      return json.readValue(body, SqlQuery.class);
    } catch (JacksonException e) {
      throw new InvalidRequestBodyException(asDruidWords(e));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the request body", e);
    }
  }

  private static JacksonException asDruidWords(JacksonException e) {
    String original = druidNames(e.getOriginalMessage());
    String message = original + location(e.getLocation(), columnShift(e, original));
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      message += " (through reference chain: " + druidNames(mapping.getPathReference()) + ")";
    }
    if (e instanceof ValueInstantiationException instantiation) {
      return ValueInstantiationException.from((JsonParser) null, message, instantiation.getType(), e.getCause());
    }
    if (e instanceof JsonParseException) {
      return new JsonParseException(null, message);
    }
    // Other failures keep Jackson's own wording; only the two above are pinned by fixtures.
    return e;
  }

  /**
   * Since 2.17 Jackson points an unexpected character's error at that character; Druid 33's Jackson
   * 2.12 pointed one column past it ({@code {not json} → column 3), and that is what clients see.
   */
  private static int columnShift(JacksonException e, String message) {
    return e instanceof JsonParseException && message.startsWith("Unexpected character") ? 1 : 0;
  }

  private static String location(JsonLocation location, int columnShift) {
    if (location == null) {
      return "";
    }
    return "\n at [Source: " + DRUID_SOURCE + "; line: " + location.getLineNr() + ", column: "
        + (location.getColumnNr() + columnShift) + "]";
  }

  private static String druidNames(String text) {
    return text == null ? "" : text.replace(OUR_PACKAGE, DRUID_PACKAGE);
  }
}
