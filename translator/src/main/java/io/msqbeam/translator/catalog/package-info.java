/** What the planner knows about existing datasources. */
package io.msqbeam.translator.catalog;
