package io.msqbeam.server.cli;

/**
 * A command line that cannot be run: an unknown flag, a missing value, a bad number.
 *
 * <p>The message is one line meant for the terminal as is; the process exits with code 2 and prints no
 * stack trace, so this exception carries none of interest.
 */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message, null, false, false);
  }
}
