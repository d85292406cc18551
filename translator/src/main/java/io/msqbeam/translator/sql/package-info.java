/**
 * Druid's SQL surface in Calcite terms: types, tables, Druid's functions, and external input —
 * EXTERN and the {@code inline}/{@code localfiles}/{@code http} table functions, with
 * {@link io.msqbeam.translator.sql.ExtendRewriter} moving an EXTEND column list into the call.
 */
package io.msqbeam.translator.sql;
