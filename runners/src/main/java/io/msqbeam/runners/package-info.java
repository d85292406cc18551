/** Running plans on Beam runners: submit, observe state and counters, cancel. */
package io.msqbeam.runners;
