/**
 * Query-time lookups: Druid's coordinator lookups API ({@code /druid/coordinator/v1/lookups}), their
 * configuration kept in the metadata store, and the {@code __default} tier's {@code map} lookups
 * handed to the planner.
 */
package io.msqbeam.server.lookup;
