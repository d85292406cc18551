package io.msqbeam.server.lookup;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.msqbeam.server.http.Routes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Druid's coordinator lookups API, {@code /druid/coordinator/v1/lookups/config}, with the status codes
 * and bodies of Druid's {@code LookupCoordinatorResource}: updates answer 202, a missing tier or
 * lookup 404, and errors are {@code {"error": message}}.
 *
 * <ul>
 *   <li>{@code GET …/config}: the tier names (404 before the configuration is initialised)
 *   <li>{@code GET …/config/all}: every tier with its lookups
 *   <li>{@code POST …/config}: add or replace lookups of several tiers; {@code {}} initialises
 *   <li>{@code GET …/config/{tier}[?detailed=true]}: the tier's lookup names (or specs)
 *   <li>{@code DELETE …/config/{tier}}: the tier and its lookups
 *   <li>{@code GET|POST|DELETE …/config/{tier}/{lookup}}: one lookup's spec
 * </ul>
 */
public final class LookupCoordinatorResource implements Routes {
  private static final String CONFIG = "/druid/coordinator/v1/lookups/config";
  private static final TypeReference<Map<String, Map<String, LookupSpec>>> TIERS = new TypeReference<>() {};

  private final LookupCoordinator coordinator;
  private final ObjectMapper json;

  public LookupCoordinatorResource(LookupCoordinator coordinator, ObjectMapper json) {
    this.coordinator = coordinator;
    this.json = json;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(CONFIG, this::tiers);
    routes.get(CONFIG + "/all", this::all);
    routes.post(CONFIG, this::updateAll);
    routes.get(CONFIG + "/{tier}", this::tier);
    routes.delete(CONFIG + "/{tier}", this::deleteTier);
    routes.get(CONFIG + "/{tier}/{lookup}", this::lookup);
    routes.post(CONFIG + "/{tier}/{lookup}", this::updateLookup);
    routes.delete(CONFIG + "/{tier}/{lookup}", this::deleteLookup);
    routes.exception(LookupApiException.class, (e, ctx) ->
        ctx.status(e.status()).json(Map.of("error", e.getMessage())));
  }

  private void tiers(Context ctx) {
    coordinator.config().ifPresentOrElse(config -> ctx.json(config.tiers().keySet()), () -> ctx.status(404));
  }

  private void all(Context ctx) {
    coordinator.config().ifPresentOrElse(config -> ctx.json(config.tiers()), () -> ctx.status(404));
  }

  private void updateAll(Context ctx) {
    Map<String, Map<String, LookupSpec>> update = read(ctx, TIERS);
    coordinator.update(update);
    ctx.status(202).json(update);
  }

  private void tier(Context ctx) {
    String tier = ctx.pathParam("tier");
    LookupConfig config = coordinator.config()
        .orElseThrow(() -> LookupApiException.notFound("No lookups found"));
    Map<String, LookupSpec> lookups = config.tier(tier)
        .orElseThrow(() -> LookupApiException.notFound("Tier [" + tier + "] not found"));
    if (Boolean.parseBoolean(ctx.queryParam("detailed"))) {
      ctx.json(lookups);
    } else {
      ctx.json(lookups.keySet());
    }
  }

  private void deleteTier(Context ctx) {
    ctx.status(coordinator.deleteTier(ctx.pathParam("tier")) ? 202 : 404);
  }

  private void lookup(Context ctx) {
    String name = ctx.pathParam("lookup");
    LookupSpec spec = coordinator.config().flatMap(config -> config.lookup(ctx.pathParam("tier"), name))
        .orElseThrow(() -> LookupApiException.notFound("lookup [" + name + "] not found"));
    ctx.json(spec);
  }

  private void updateLookup(Context ctx) {
    LookupSpec spec = read(ctx, new TypeReference<LookupSpec>() {});
    coordinator.update(Map.of(ctx.pathParam("tier"), Map.of(ctx.pathParam("lookup"), spec)));
    ctx.status(202);
  }

  private void deleteLookup(Context ctx) {
    ctx.status(coordinator.delete(ctx.pathParam("tier"), ctx.pathParam("lookup")) ? 202 : 404);
  }

  /** The body as {@code type}; a body Jackson cannot read is Druid's 400 with Jackson's message. */
  private <T> T read(Context ctx, TypeReference<T> type) {
    try {
      return json.readValue(ctx.bodyAsBytes(), type);
    } catch (JacksonException e) {
      throw LookupApiException.badRequest(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the request body", e);
    }
  }
}
