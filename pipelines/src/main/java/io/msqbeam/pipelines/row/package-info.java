/** Rows as they travel between stages: {@code Object[]} aligned with a signature, and their coder. */
package io.msqbeam.pipelines.row;
