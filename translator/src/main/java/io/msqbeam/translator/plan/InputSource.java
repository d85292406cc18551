package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where external rows come from; Druid's {@code inputSource} JSON, by its {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LocalInputSource.class, name = "local"),
    @JsonSubTypes.Type(value = InlineInputSource.class, name = "inline"),
    @JsonSubTypes.Type(value = HttpInputSource.class, name = "http"),
})
public sealed interface InputSource extends java.io.Serializable
    permits LocalInputSource, InlineInputSource, HttpInputSource {}
