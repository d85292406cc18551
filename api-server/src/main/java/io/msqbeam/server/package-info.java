/** The msq-beam server's entry point and composition root, which wires every component with plain constructors. */
package io.msqbeam.server;
