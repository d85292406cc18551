/** Segment versions: the timeline of overshadowing, allocation of versions and partitions, tombstones. */
package io.msqbeam.server.segment;
