/**
 * Druid's statements API ("query from deep storage", druid-behaviour.md §5.5): {@code POST
 * /druid/v2/sql/statements} runs a statement as an MSQ task of the task engine, and its status, results
 * and cancel are read from that task.
 *
 * <p>Reading order: {@link io.msqbeam.server.statement.StatementResource} (routes) →
 * {@link io.msqbeam.server.statement.StatementContext} (the async context checks) →
 * {@link io.msqbeam.server.statement.StatementState} → {@link io.msqbeam.server.statement.StatementStatus}
 * (the status object) and {@link io.msqbeam.server.statement.StatementResults} (the rows), both reading
 * the task's report through {@link io.msqbeam.server.statement.StoredReport}.
 */
package io.msqbeam.server.statement;
