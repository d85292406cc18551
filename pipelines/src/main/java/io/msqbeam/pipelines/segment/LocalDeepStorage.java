package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.druid.segment.loading.DataSegmentPusher;
import org.apache.druid.timeline.DataSegment;

/**
 * Deep storage on a local (or shared) file system, laid out as Druid's local pusher lays it out:
 * {@code <root>/<dataSource>/<start>_<end>/<version>/<partitionNum>/index.zip} plus {@code
 * descriptor.json}, so that a real Druid with {@code druid.storage.type=local} can load what we
 * push.
 *
 * <p>Files appear atomically: each is written under a unique temporary name in its final
 * directory and renamed, so a reader never sees half a zip and a retried task simply replaces
 * the files of its failed attempt.
 */
final class LocalDeepStorage {

  static final String INDEX_ZIP = "index.zip";
  static final String DESCRIPTOR_JSON = "descriptor.json";

  private final File root;

  LocalDeepStorage(File root) {
    this.root = requireNonNull(root, "root is null").getAbsoluteFile();
  }

  /**
   * Zips the segment directory into deep storage and returns the segment with its load spec,
   * size and binary version filled in.
   */
  DataSegment push(File segmentDir, DataSegment segment) throws IOException {
    File targetDir = new File(root, DataSegmentPusher.getDefaultStorageDir(segment, false));
    Files.createDirectories(targetDir.toPath());
    File indexZip = new File(targetDir, INDEX_ZIP);

    Path zipInProgress = temporarySibling(indexZip);
    long size;
    try {
      size = SegmentZip.zip(segmentDir, zipInProgress.toFile());
      moveIntoPlace(zipInProgress, indexZip.toPath());
    } finally {
      Files.deleteIfExists(zipInProgress);
    }

    DataSegment pushed =
        segment
            .withLoadSpec(ImmutableMap.of("type", "local", "path", indexZip.getAbsolutePath()))
            .withSize(size)
            .withBinaryVersion(SegmentWriter.BINARY_VERSION);
    writeDescriptor(pushed, new File(targetDir, DESCRIPTOR_JSON));
    return pushed;
  }

  private static void writeDescriptor(DataSegment segment, File descriptor) throws IOException {
    byte[] json = DruidRuntime.initialize().jsonMapper().writeValueAsBytes(segment);
    Path inProgress = temporarySibling(descriptor);
    try {
      Files.write(inProgress, json);
      moveIntoPlace(inProgress, descriptor.toPath());
    } finally {
      Files.deleteIfExists(inProgress);
    }
  }

  /** A hidden sibling with the same extension (Druid's zip warns about names not ending in .zip). */
  private static Path temporarySibling(File file) {
    String name = file.getName();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot);
    return file.toPath().resolveSibling("." + name + "." + UUID.randomUUID() + ".tmp" + extension);
  }

  private static void moveIntoPlace(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
