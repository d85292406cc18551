package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a stage does to its input rows, by Druid's processor names. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ScanProcessor.class, name = "scan"),
    @JsonSubTypes.Type(value = GroupByPreShuffleProcessor.class, name = "groupByPreShuffle"),
    @JsonSubTypes.Type(value = GroupByPostShuffleProcessor.class, name = "groupByPostShuffle"),
    @JsonSubTypes.Type(value = LimitProcessor.class, name = "limit"),
    @JsonSubTypes.Type(value = SegmentGeneratorProcessor.class, name = "segmentGenerator"),
    @JsonSubTypes.Type(value = SortMergeJoinProcessor.class, name = "sortMergeJoin"),
    @JsonSubTypes.Type(value = WindowProcessor.class, name = "window"),
})
public sealed interface StageProcessor extends java.io.Serializable
    permits ScanProcessor, GroupByPreShuffleProcessor, GroupByPostShuffleProcessor, LimitProcessor,
    SegmentGeneratorProcessor, SortMergeJoinProcessor, WindowProcessor {}
