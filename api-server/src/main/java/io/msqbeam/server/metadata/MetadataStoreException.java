package io.msqbeam.server.metadata;

/** A metadata-store operation failed; the message says which operation and on what, the cause says why. */
public final class MetadataStoreException extends RuntimeException {
  public MetadataStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public MetadataStoreException(String message) {
    super(message);
  }
}
