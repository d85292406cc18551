/**
 * Runs plans on Flink: a MiniCluster embedded in the server or a remote session cluster, both fed
 * detached jobs and following them by id; and the standalone cluster {@code msq-beam flink-cluster} starts.
 */
package io.msqbeam.runners.flink;
