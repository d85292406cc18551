/** Druid-shaped user-facing errors: {@link io.msqbeam.translator.error.DruidException} and its factories. */
package io.msqbeam.translator.error;
