/** Evaluation of Druid native expressions over rows, with Druid's own expression library. */
package io.msqbeam.pipelines.expr;
