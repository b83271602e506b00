package org.noticepublisher.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.FileTree;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.NoticeId;
import org.noticepublisher.Sha256;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.sources.NoticeSources;

/**
 * The project's sources as they are on disk now. The pipeline is reopened when any file under
 * {@code locales/} or {@code templates/} changed, so an edit shows on the next request without a
 * restart; broken sources are reported, not thrown at every request.
 */
final class Project {
  private final Path root;
  private @Nullable Snapshot current;

  /** Where jobs copy the sources to render from; created on first use, one folder per job. */
  private volatile @Nullable Path copies;

  /**
   * The pipeline opened from one state of the sources.
   *
   * @param fingerprint sha256 over every source file's path, size and modification time
   * @param pipeline the opened pipeline, empty when the sources are broken
   * @param problems why the pipeline could not open
   */
  record Snapshot(String fingerprint, Optional<Pipeline> pipeline, List<Finding> problems) {
    Pipeline require() {
      return pipeline.orElseThrow(() -> new SourcesBrokenException(problems));
    }
  }

  /** The sources do not open; the message is for people, the findings say where. */
  static final class SourcesBrokenException extends RuntimeException {
    private final List<Finding> findings;

    SourcesBrokenException(List<Finding> findings) {
      super("the notice sources have problems");
      this.findings = List.copyOf(findings);
    }

    List<Finding> findings() {
      return findings;
    }
  }

  Project(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  Path root() {
    return root;
  }

  /** The pipeline for the sources as they are now; reopened if anything changed since last time. */
  synchronized Snapshot snapshot() {
    String fingerprint = fingerprint();
    if (current == null || !current.fingerprint().equals(fingerprint)) {
      try {
        current = new Snapshot(fingerprint, Optional.of(Pipeline.open(root)), List.of());
      } catch (FindingsException e) {
        current = new Snapshot(fingerprint, Optional.empty(), relative(e.findings()));
      }
    }
    return current;
  }

  /** Paths of the files a notice reads, relative to the project, for its history. */
  List<String> files(NoticeId id) {
    return NoticeSources.scan(root).files(id);
  }

  /**
   * Path, size and modification time (nanoseconds) of every source file: cheap enough for every
   * request, and any save changes it. What a notice is made from is hashed by content when the
   * pipeline opens ({@link Pipeline#sourceHash}); this only decides when to reopen it.
   */
  private String fingerprint() {
    try {
      MessageDigest digest = Sha256.newDigest();
      for (String dir : List.of("locales", "templates")) {
        Path base = root.resolve(dir);
        if (!Files.isDirectory(base)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(base)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            digest.update(
                (root.relativize(f)
                        + "\0"
                        + a.size()
                        + "\0"
                        + a.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                        + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Findings name files relative to the project: readers should not learn server paths. */
  List<Finding> relative(List<Finding> findings) {
    return findings.stream().map(this::relative).toList();
  }

  Finding relative(Finding f) {
    String source = f.source();
    String prefix = root.toString() + java.io.File.separator;
    if (source.startsWith(prefix)) {
      return f.at(source.substring(prefix.length()), f.line());
    }
    Path base = copies;
    if (base != null) {
      // A job's copy: its results are cached by source hash and shown for the project's own files.
      String copy = base.toString() + java.io.File.separator;
      int end = source.indexOf(java.io.File.separator, copy.length());
      if (source.startsWith(copy) && end > 0) {
        return f.at(source.substring(end + 1), f.line());
      }
    }
    return f;
  }

  /** A new, empty folder for a job's copy of the sources. */
  Path newSnapshotFolder() throws IOException {
    synchronized (this) {
      if (copies == null) {
        copies = Files.createTempDirectory("np-sources-");
      }
    }
    return Files.createTempDirectory(copies, "job-");
  }

  /** Deletes the folder of jobs' copies, when the service stops. */
  void close() {
    deleteSnapshotFolder(copies);
  }

  /** Deletes a job's copy; a copy that cannot be deleted only takes room in the temp folder. */
  void deleteSnapshotFolder(@Nullable Path copy) {
    FileTree.deleteQuietly(copy);
  }
}
