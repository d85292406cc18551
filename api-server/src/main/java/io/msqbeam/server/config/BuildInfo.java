package io.msqbeam.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about this build, filled in by Maven resource filtering of {@code build.properties}.
 *
 * <p>Read once from the classpath so that {@code GET /status} reports the project version without
 * depending on a jar manifest (tests run from {@code target/classes}).
 */
public final class BuildInfo {
  private static final String RESOURCE = "/io/msqbeam/server/build.properties";
  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return PROPERTIES.getProperty("version", "unknown");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return properties;
  }
}
