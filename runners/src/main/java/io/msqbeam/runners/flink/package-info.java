/** Runs plans on a Flink MiniCluster embedded in the server, started once and fed detached jobs by id. */
package io.msqbeam.runners.flink;
