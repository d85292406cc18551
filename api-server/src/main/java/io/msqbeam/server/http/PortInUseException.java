package io.msqbeam.server.http;

/**
 * The HTTP port is taken by another process; the message is the one line the server prints before it
 * exits with code 1.
 */
public final class PortInUseException extends RuntimeException {
  public PortInUseException(String host, int port, Throwable cause) {
    super("Port " + port + " on " + host + " is already in use", cause);
  }
}
