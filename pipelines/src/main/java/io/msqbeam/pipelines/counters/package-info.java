/** Naming of the metrics that carry Druid counters out of a pipeline. */
package io.msqbeam.pipelines.counters;
