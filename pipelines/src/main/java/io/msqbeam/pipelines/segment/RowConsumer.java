package io.msqbeam.pipelines.segment;

/**
 * Receives the rows of a segment scan, one at a time.
 *
 * <p>May throw: the exception ends the scan, releases the cursor, and reaches the caller as is.
 */
@FunctionalInterface
public interface RowConsumer {

  /** One row, values in the order of the requested columns; the array is the consumer's to keep. */
  void accept(Object[] row) throws Exception;
}
