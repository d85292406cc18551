/** The MSQ task API: task lifecycle, status, reports and shutdown. */
package io.msqbeam.server.task;
