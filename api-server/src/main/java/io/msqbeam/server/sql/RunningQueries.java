package io.msqbeam.server.sql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL API queries in flight, by {@code sqlQueryId}, so that {@code DELETE /druid/v2/sql/{id}} can
 * cancel them.
 *
 * <p>Druid does not enforce unique ids: several queries may share one, and a cancel reaches all of
 * them. A query stays registered from before planning until its response is written.
 */
final class RunningQueries {
  private final Set<RunningQuery> queries = ConcurrentHashMap.newKeySet();

  RunningQuery register(String sqlQueryId) {
    RunningQuery query = new RunningQuery(sqlQueryId);
    queries.add(query);
    return query;
  }

  void remove(RunningQuery query) {
    queries.remove(query);
  }

  /** Cancels every running query with this id; false when there is none. */
  boolean cancel(String sqlQueryId) {
    boolean found = false;
    for (RunningQuery query : queries) {
      if (query.sqlQueryId().equals(sqlQueryId)) {
        query.cancel();
        found = true;
      }
    }
    return found;
  }
}
