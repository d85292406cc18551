package io.msqbeam.server.http;

import io.javalin.config.RoutesConfig;

/**
 * A group of endpoints, e.g. the task API or the SQL API, registered on the {@link ApiServer}.
 *
 * <p>Javalin 7 registers routes while the app is configured ({@code config.routes.get(…)}), so a group
 * receives that {@link RoutesConfig}. Handlers throw {@link io.msqbeam.translator.error.DruidException}
 * for user-facing errors and never build error bodies themselves; {@link ErrorMapping} renders them.
 */
@FunctionalInterface
public interface Routes {
  void register(RoutesConfig routes);
}
