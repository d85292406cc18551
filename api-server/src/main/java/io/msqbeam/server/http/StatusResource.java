package io.msqbeam.server.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.sun.management.HotSpotDiagnosticMXBean;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.msqbeam.server.config.BuildInfo;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * Druid's process status endpoints, which clients and the web console probe before anything else.
 *
 * <ul>
 *   <li>{@code GET /status/health}: {@code true}
 *   <li>{@code GET /status}: version, loaded modules (none: we load no Druid extensions) and JVM memory
 *   <li>{@code GET /druid/v2/sql/task/enabled}: {@code {"enabled":true}}, the console's check for MSQ
 * </ul>
 */
final class StatusResource implements Routes {
  @Override
  public void register(RoutesConfig routes) {
    routes.get("/status/health", ctx -> ctx.json(true));
    routes.get("/status", StatusResource::status);
    routes.get("/druid/v2/sql/task/enabled", ctx -> ctx.json(Map.of("enabled", true)));
  }

  private static void status(Context ctx) {
    ctx.json(new Status(BuildInfo.version(), List.of(), Memory.now()));
  }

  /** The body of {@code GET /status}. */
  @JsonPropertyOrder({"version", "modules", "memory"})
  record Status(String version, List<Object> modules, Memory memory) {}

  /** JVM memory in bytes, with Druid's field names. */
  @JsonPropertyOrder({"maxMemory", "totalMemory", "freeMemory", "usedMemory", "directMemory"})
  record Memory(long maxMemory, long totalMemory, long freeMemory, long usedMemory, long directMemory) {
    static Memory now() {
      Runtime runtime = Runtime.getRuntime();
      long total = runtime.totalMemory();
      long free = runtime.freeMemory();
      return new Memory(runtime.maxMemory(), total, free, total - free, maxDirectMemory(runtime));
    }

    /** -XX:MaxDirectMemorySize, which the JVM defaults (when 0) to the maximum heap size. */
    private static long maxDirectMemory(Runtime runtime) {
      HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      long configured = hotSpot == null ? 0 : Long.parseLong(hotSpot.getVMOption("MaxDirectMemorySize").getValue());
      return configured > 0 ? configured : runtime.maxMemory();
    }
  }
}
