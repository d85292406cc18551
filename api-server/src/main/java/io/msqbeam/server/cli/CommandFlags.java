package io.msqbeam.server.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reading flag values the same way in every command: a value that is not what the flag needs
 * becomes a one-line {@link UsageException} naming the program and the flag.
 */
record CommandFlags(String program) {
  int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw usage(name + " needs a whole number, got '" + value + "'");
    }
  }

  Path path(String name, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw usage(name + " is not a valid path: '" + value + "'");
    }
  }

  UsageException usage(String problem) {
    return new UsageException(program + ": " + problem + " (see --help)");
  }
}
