/**
 * Plan values: immutable, JSON-serialisable records describing a statement as a graph of stages
 * shaped like Druid's multi-stage query, independent of the runner that executes it.
 */
package io.msqbeam.translator.plan;
