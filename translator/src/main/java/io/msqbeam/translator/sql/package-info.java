/** Druid's SQL surface in Calcite terms: types, tables, EXTERN and Druid's functions. */
package io.msqbeam.translator.sql;
