/** The metadata store on embedded H2: tasks and segments that survive a restart, over plain JDBC. */
package io.msqbeam.server.metadata;
