package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where the final stage's rows go: segments of a datasource, or the task report (SELECT). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DataSourceDestination.class, name = "dataSource"),
    @JsonSubTypes.Type(value = TaskReportDestination.class, name = "taskReport"),
})
public sealed interface QueryDestination extends java.io.Serializable permits DataSourceDestination, TaskReportDestination {}
