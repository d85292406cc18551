/** Reading external input: splits of input sources and parsers of input formats. */
package io.msqbeam.pipelines.input;
