package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One input of a stage, as in Druid's stage definition {@code input} list. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ExternalInputSpec.class, name = "external"),
    @JsonSubTypes.Type(value = TableInputSpec.class, name = "table"),
    @JsonSubTypes.Type(value = StageInputSpec.class, name = "stage"),
})
public sealed interface InputSpec extends java.io.Serializable permits ExternalInputSpec, TableInputSpec, StageInputSpec {}
