package io.msqbeam.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.UncategorizedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper: turns what handlers throw into Druid's error responses.
 *
 * <ul>
 *   <li>{@link DruidException}: the status of its category, {@link DruidErrorBody}.
 *   <li>{@link InvalidRequestBodyException}: 400, {@link LegacyErrorBody}, as a Druid router answers.
 *   <li>Javalin's own {@link HttpResponseException} (e.g. 405): its status and message as plain text.
 *   <li>Anything else is a bug: 500 {@code general}/{@code UNCATEGORIZED}, logged once with its cause.
 * </ul>
 */
final class ErrorMapping implements Routes {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  @Override
  public void register(RoutesConfig routes) {
    routes.exception(DruidException.class, ErrorMapping::druidException);
    routes.exception(InvalidRequestBodyException.class, (e, ctx) ->
        ctx.status(400).json(LegacyErrorBody.of(e)));
    routes.exception(HttpResponseException.class, (e, ctx) ->
        ctx.status(e.getStatus()).contentType("text/plain").result(e.getMessage()));
    routes.exception(Exception.class, ErrorMapping::unexpected);
  }

  private static void druidException(DruidException e, Context ctx) {
    ctx.status(DruidErrorBody.httpStatus(e)).json(DruidErrorBody.of(e));
  }

  private static void unexpected(Exception e, Context ctx) {
    LOG.error("Unexpected error in {} {}", ctx.method(), ctx.path(), e);
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    druidException(UncategorizedError.exception(message, e), ctx);
  }
}
