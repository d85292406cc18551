/**
 * Real Druid segments, written and read with {@code druid-processing}: {@link
 * io.msqbeam.pipelines.segment.SegmentWriter} builds one segment per (interval, version,
 * partition) and pushes it to deep storage in Druid's own layout, {@link
 * io.msqbeam.pipelines.segment.SegmentReader} streams rows back out of an {@code index.zip}.
 *
 * <p>Nothing here depends on Beam: the segment-generator DoFn and the segment input reader are
 * thin wrappers around these classes, so the Druid details are tested once, here.
 */
package io.msqbeam.pipelines.segment;
