/** The command line of {@code msq-beam server}: flags into a {@link io.msqbeam.server.config.ServerConfig}. */
package io.msqbeam.server.cli;
