package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How external bytes become rows; Druid's {@code inputFormat} JSON, by its {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JsonInputFormat.class, name = "json"),
    @JsonSubTypes.Type(value = CsvInputFormat.class, name = "csv"),
    @JsonSubTypes.Type(value = TsvInputFormat.class, name = "tsv"),
    @JsonSubTypes.Type(value = ParquetInputFormat.class, name = "parquet"),
})
public sealed interface InputFormat extends java.io.Serializable
    permits JsonInputFormat, CsvInputFormat, TsvInputFormat, ParquetInputFormat {}
