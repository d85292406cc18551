/** Beam transforms for each stage processor, and the builder that wires a plan into a pipeline. */
package io.msqbeam.pipelines.stage;
