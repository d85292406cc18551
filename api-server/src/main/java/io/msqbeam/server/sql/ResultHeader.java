package io.msqbeam.server.sql;

/**
 * Which header rows a SQL API response starts with: the request's {@code header}, {@code typesHeader}
 * and {@code sqlTypesHeader} flags.
 *
 * <p>The type flags need {@code header}, as in Druid; the request reader rejects them earlier with
 * Druid's own message, so here it is an invariant.
 */
public record ResultHeader(boolean names, boolean types, boolean sqlTypes) {
  public static final ResultHeader NONE = new ResultHeader(false, false, false);

  public ResultHeader {
    if ((types || sqlTypes) && !names) {
      throw new IllegalArgumentException("type header rows need the name header");
    }
  }
}
