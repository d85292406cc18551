package io.msqbeam.translator.plan;

/** Druid's {@code json} input format: newline-delimited JSON objects. */
public record JsonInputFormat() implements java.io.Serializable, InputFormat {}
