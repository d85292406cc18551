/**
 * Druid's SQL API over ingested datasources: {@code POST /druid/v2/sql} with its five result formats
 * and header rows, streamed row by row, and {@code DELETE /druid/v2/sql/{sqlQueryId}} to cancel.
 *
 * <p>Reading order: {@link io.msqbeam.server.sql.SqlResource} (routes) → {@link io.msqbeam.server.sql.SqlQuery}
 * (request) → {@link io.msqbeam.server.sql.ResultFormat} → one {@link io.msqbeam.server.sql.ResultWriter}
 * per format family, fed by {@link io.msqbeam.server.sql.ResultValueConverter}.
 */
package io.msqbeam.server.sql;
