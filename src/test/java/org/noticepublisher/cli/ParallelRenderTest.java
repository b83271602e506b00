package org.noticepublisher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;
import org.noticepublisher.PublishedOutput;

/**
 * Rendering on several threads publishes exactly what one thread does: the same files, byte for
 * byte, and the same progress lines in the same order (only the milliseconds differ).
 */
class ParallelRenderTest {
  @Test
  void parallelOutputIsByteIdenticalToSerial(@TempDir Path dir) throws Exception {
    Cli serial = render(dir.resolve("serial"), "1");
    Cli parallel = render(dir.resolve("parallel"), "4");
    assertEquals(0, serial.code(), serial.printed());
    assertEquals(0, parallel.code(), parallel.printed());
    assertEquals(
        withoutTimes(serial.out().replace(dir.resolve("serial").toString(), "OUT")),
        withoutTimes(parallel.out().replace(dir.resolve("parallel").toString(), "OUT")),
        "console output");
    List<Path> files = files(dir.resolve("serial"));
    assertEquals(files, files(dir.resolve("parallel")), "the same files");
    assertEquals(14, files.size(), "6 notices × (PDF + HTML), manifest, index: " + files);
    PublishedOutput.assertConsistent(dir.resolve("parallel"), "parallel");
    for (Path f : files) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("serial").resolve(f)),
          Files.readAllBytes(dir.resolve("parallel").resolve(f)),
          f.toString());
    }
  }

  /** A matrix goes out in batches, each one generation, not a generation of hard links a notice. */
  @Test
  void aRunPublishesItsNoticesTogether(@TempDir Path dir) throws Exception {
    Duration before = RenderCommand.batch;
    RenderCommand.batch = Duration.ofHours(1);
    try {
      Cli r = render(dir.resolve("output"), "2");
      assertEquals(0, r.code(), r.printed());
    } finally {
      RenderCommand.batch = before;
    }
    assertEquals(
        Path.of(".output.publish", "000001"),
        Files.readSymbolicLink(dir.resolve("output")),
        "six notices, one generation");
    PublishedOutput.assertConsistent(dir.resolve("output"), "published together");
  }

  private static Cli render(Path output, String threads) {
    // Left-to-right, right-to-left and Korean notices of two variants: every font and shaper.
    return Cli.run(
        "render",
        "-v",
        "standard,consultation",
        "-l",
        "en-GB,ar,ko",
        "--threads",
        threads,
        "--project",
        Fixtures.PROJECT.toString(),
        "--output",
        output.toString());
  }

  private static String withoutTimes(String out) {
    return out.replaceAll(" +\\d+ ms", " _ ms")
        .replaceAll("\\s+\\d+(\\s+(published|FAILED))", " _$1");
  }

  private static List<Path> files(Path root) throws Exception {
    Path dir = root.toRealPath(); // the output folder is a link to its current generation
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }
}
