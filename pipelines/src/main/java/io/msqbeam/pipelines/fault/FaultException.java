package io.msqbeam.pipelines.fault;

import static java.util.Objects.requireNonNull;

/** Thrown inside a pipeline to end the job with a Druid fault; runners find it in the failure's causes. */
public final class FaultException extends RuntimeException {
  private final Fault fault;

  public FaultException(Fault fault) {
    super(requireNonNull(fault, "fault is null").statusMessage());
    this.fault = fault;
  }

  public Fault fault() {
    return fault;
  }

  /** The fault carried by {@code failure} or one of its causes, if any. */
  public static Fault find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FaultException faultException) {
        return faultException.fault();
      }
    }
    return null;
  }
}
