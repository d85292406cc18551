package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static java.util.Objects.requireNonNull;

/**
 * A segment's {@code queryGranularity} in Druid's granularity JSON: {@code {"type":"none"}}, or a
 * {@code period} granularity (ISO period, time zone, origin) to which a rolled-up segment's timestamps
 * are truncated. Druid's rollup ingestion takes it from a GROUP BY on a time floor of a table's
 * {@code __time} ({@code SegmentGenerationUtils}); everything else is {@link #NONE}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "period", "timeZone", "origin"})
public record QueryGranularity(String type, String period, String timeZone, String origin)
    implements java.io.Serializable {
  /** Druid's {@code none}: timestamps are kept to the millisecond. */
  public static final QueryGranularity NONE = new QueryGranularity("none", null, null, null);

  public QueryGranularity {
    requireNonNull(type, "type is null");
    if (type.equals("period") != (period != null && timeZone != null)
        || !type.equals("period") && !type.equals("none")) {
      throw new IllegalArgumentException("a query granularity is none, or a period with its time zone: " + type);
    }
  }

  /** A period granularity, {@code origin} an ISO instant or null (the epoch, in the time zone). */
  public static QueryGranularity period(String period, String timeZone, String origin) {
    return new QueryGranularity("period", period, timeZone, origin);
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isNone() {
    return type.equals("none");
  }
}
