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

  /** The JVM options druid-processing needs ({@code --add-exports} …), for JVMs this server starts. */
  public static java.util.List<String> jvmModuleFlags() {
    String flags = PROPERTIES.getProperty("jvm.module.flags", "").trim();
    return flags.isEmpty() ? java.util.List.of() : java.util.List.of(flags.split("\\s+"));
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
