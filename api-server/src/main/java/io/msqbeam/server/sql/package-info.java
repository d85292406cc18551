/** Druid's SQL API over ingested datasources. */
package io.msqbeam.server.sql;
