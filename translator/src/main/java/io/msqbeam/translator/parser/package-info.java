/**
 * Druid's SQL dialect on top of Calcite's parser: the generated grammar with {@code INSERT}/{@code REPLACE}
 * ingestion clauses, the statement nodes it builds, and the {@code PARTITIONED BY} granularity they carry.
 */
package io.msqbeam.translator.parser;
