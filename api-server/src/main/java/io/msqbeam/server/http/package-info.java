/** The HTTP shell: the Javalin app, route groups, JSON mapping and Druid-shaped error responses. */
package io.msqbeam.server.http;
