/** MSQ faults: the errors that end a running task, with Druid's codes and messages. */
package io.msqbeam.pipelines.fault;
