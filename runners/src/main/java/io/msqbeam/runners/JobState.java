package io.msqbeam.runners;

/** The lifecycle of a submitted job; the three last states are terminal. */
public enum JobState {
  RUNNING, SUCCEEDED, FAILED, CANCELLED;

  public boolean isTerminal() {
    return this != RUNNING;
  }
}
