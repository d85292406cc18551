/** Server configuration: the values a server is started with and the paths derived from them. */
package io.msqbeam.server.config;
