/** Which Beam runner executes a statement, per server and per statement. */
package io.msqbeam.server.runner;
