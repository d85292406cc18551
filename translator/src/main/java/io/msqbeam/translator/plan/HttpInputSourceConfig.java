package io.msqbeam.translator.plan;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Which URIs an {@code http} input source may read, fixed by the server's configuration: Druid's
 * {@code druid.ingestion.http.allowedProtocols} (default {@code http}, {@code https}) and, our own
 * addition, {@code allowedHosts} (empty: any host). Druid checks the protocols when the source is
 * built, so a statement naming a forbidden URI fails at planning and reads nothing; the hosts are
 * checked at the same point, in the same words.
 *
 * @param allowedProtocols URI schemes, compared case-insensitively, in the order error messages list them
 * @param allowedHosts host names compared case-insensitively; empty allows every host
 */
public record HttpInputSourceConfig(List<String> allowedProtocols, List<String> allowedHosts)
    implements java.io.Serializable {
  /** Druid's defaults: http and https, to any host. */
  public static final HttpInputSourceConfig DEFAULT = new HttpInputSourceConfig(List.of("http", "https"), List.of());

  public HttpInputSourceConfig {
    allowedProtocols = lowerCaseDistinct(requireNonNull(allowedProtocols, "allowedProtocols is null"));
    allowedHosts = lowerCaseDistinct(requireNonNull(allowedHosts, "allowedHosts is null"));
    if (allowedProtocols.isEmpty()) {
      throw new IllegalArgumentException("at least one protocol must be allowed");
    }
  }

  public HttpInputSourceConfig withAllowedProtocols(List<String> protocols) {
    return new HttpInputSourceConfig(protocols, allowedHosts);
  }

  public HttpInputSourceConfig withAllowedHosts(List<String> hosts) {
    return new HttpInputSourceConfig(allowedProtocols, hosts);
  }

  /**
   * Throws Druid's {@code Only [http, https] protocols are allowed} for the first URI with another
   * scheme, then {@code Only [a.example] hosts are allowed} for one naming another host.
   */
  public void check(HttpInputSource source) {
    for (String uri : source.uris()) {
      URI parsed = URI.create(uri);
      String scheme = parsed.getScheme();
      if (scheme == null || !allowedProtocols.contains(scheme.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("Only " + allowedProtocols + " protocols are allowed");
      }
      String host = parsed.getHost();
      if (!allowedHosts.isEmpty() && (host == null || !allowedHosts.contains(host.toLowerCase(Locale.ROOT)))) {
        throw new IllegalArgumentException("Only " + allowedHosts + " hosts are allowed");
      }
    }
  }

  private static List<String> lowerCaseDistinct(List<String> values) {
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (String value : values) {
      String trimmed = value.trim().toLowerCase(Locale.ROOT);
      if (!trimmed.isEmpty()) {
        distinct.add(trimmed);
      }
    }
    return List.copyOf(distinct);
  }
}
