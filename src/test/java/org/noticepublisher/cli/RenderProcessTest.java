package org.noticepublisher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;
import org.noticepublisher.PublishedOutput;
import org.noticepublisher.publish.OutputBusyException;
import org.noticepublisher.publish.Publisher;

/**
 * The render command as separate processes: killed with SIGKILL at random points, or racing another
 * publisher for the same output folder. After each, the output folder is what its manifest says.
 */
class RenderProcessTest {
  private static final String[] SELECTION = {
    "-v", "standard,children-and-young-people", "-l", "en-GB,pl"
  };
  private static final int NOTICES = 4;
  private static final int KILLS = 4;

  /** A render in a child JVM, its output lines queued as they come. */
  private record Child(Process process, BlockingQueue<String> out, StringBuffer printed) {
    static Child start(Path project, Path output, String... more) throws IOException {
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "render"));
      command.addAll(List.of(SELECTION));
      command.addAll(List.of("--project", project.toString(), "--output", output.toString()));
      command.addAll(List.of(more));
      Process process = new ProcessBuilder(command).start();
      Child child = new Child(process, new LinkedBlockingQueue<>(), new StringBuffer());
      child.pump(process.getInputStream());
      child.pump(process.getErrorStream());
      return child;
    }

    private void pump(InputStream in) {
      Thread t =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    printed.append(line).append('\n');
                    out.add(line);
                  }
                } catch (IOException e) {
                  // The child was killed; what it printed so far is kept.
                }
              });
      t.setDaemon(true);
      t.start();
    }

    /** Waits for a line starting with {@code prefix}; false if the child ended first. */
    boolean awaitLine(String prefix) throws InterruptedException {
      while (true) {
        String line = out.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith(prefix)) {
          return true;
        }
        if (line == null && !process.isAlive() && out.isEmpty()) {
          return false;
        }
      }
    }

    int exit() throws InterruptedException {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("the render did not finish:\n" + printed);
      }
      return process.exitValue();
    }
  }

  /** A new edition date changes every notice's bytes, so each run replaces every file. */
  private static void newEdition(Path project, int day) throws IOException {
    Path profile = project.resolve("templates/organisation.properties");
    Files.writeString(
        profile,
        Files.readString(profile)
            .replaceAll(
                "(?m)^notice\\.published = .*$",
                String.format("notice.published = 2026-10-%02d", day)));
  }

  private static boolean staging(Path store) throws IOException {
    if (!Files.isDirectory(store)) {
      return false;
    }
    try (Stream<Path> s = Files.list(store)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith(".staging-"));
    }
  }

  @Test
  void killedAtRandomPointsTheOutputStillMatchesItsManifest(@TempDir Path dir) throws Exception {
    long seed = Long.getLong("kill.seed", System.nanoTime());
    Random random = new Random(seed);
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path output = dir.resolve("output");
    Path store = dir.resolve(".output.publish");
    newEdition(project, 1);
    String[] first =
        Stream.concat(
                Stream.of("render", "--project", project.toString(), "--output", output.toString()),
                Stream.of(SELECTION))
            .toArray(String[]::new);
    Cli r = Cli.run(first);
    assertEquals(0, r.code(), r.printed());
    PublishedOutput.assertConsistent(output, "after the first complete render");
    List<String> landed = new ArrayList<>();
    for (int kill = 1; kill <= KILLS; kill++) {
      newEdition(project, kill + 1);
      Child child = Child.start(project, output);
      // Kill after 0 to NOTICES-1 notices were published: every other kill a random time later,
      // the others the moment the next generation is being built (the narrow window between
      // writing files and switching them in, which a random time rarely hits).
      int after = random.nextInt(NOTICES);
      boolean midCommit = kill % 2 == 0;
      int delay = random.nextInt(1500);
      boolean started = after == 0 || child.awaitLine("[" + after + "/" + NOTICES + "]");
      boolean sawStaging = false;
      if (midCommit) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (child.process().isAlive()
            && System.nanoTime() < until
            && !(sawStaging = staging(store))) {
          Thread.onSpinWait();
        }
      } else {
        Thread.sleep(delay);
      }
      boolean alive = child.process().isAlive();
      child.process().destroyForcibly();
      child.process().waitFor(1, TimeUnit.MINUTES);
      String where =
          "kill "
              + kill
              + " (seed "
              + seed
              + "): after "
              + after
              + " notices, "
              + (midCommit
                  ? "as the next generation was built" + (sawStaging ? "" : " (never seen)")
                  : "+" + delay + " ms")
              + (alive ? "" : ", but the render had already ended")
              + (started ? "" : ", render ended early:\n" + child.printed());
      landed.add(where + "; staging left behind: " + staging(store));
      PublishedOutput.assertConsistent(output, where);
    }
    newEdition(project, 20);
    Child last = Child.start(project, output);
    assertEquals(0, last.exit(), "a render after the kills completes:\n" + last.printed());
    Map<String, ?> listed =
        PublishedOutput.assertConsistent(
            output, "after a complete render following the kills (seed " + seed + ")");
    assertEquals(2 * NOTICES, listed.size(), listed.keySet().toString());
    assertFalse(staging(store), "the next session removed what killed ones left");
    System.out.println("Kills (seed " + seed + "):\n  " + String.join("\n  ", landed));
  }

  @Test
  void aSecondRenderWaitsForThePublisherHoldingTheFolder(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path output = dir.resolve("output");
    Child child;
    byte[] manifestWhileHeld;
    try (Publisher holder = Publisher.open(output, Publisher.Options.of("test publisher"))) {
      holder.publish(Fixtures.produced("standard", "en-GB"));
      // A session of this same JVM that gives up must not release the holder's lock on its way
      // out: the operating system drops a process's record locks when any handle is closed.
      assertThrows(
          OutputBusyException.class,
          () ->
              Publisher.open(
                      output, new Publisher.Options("impatient", java.time.Duration.ZERO, m -> {}))
                  .close());
      child = Child.start(project, output, "-v", "standard", "-l", "pl");
      assertTrue(
          child.awaitLine(
              "waiting for the test publisher started by PID "
                  + ProcessHandle.current().pid()
                  + " at "),
          "the render says whom it waits for:\n" + child.printed());
      manifestWhileHeld = Files.readAllBytes(output.resolve("manifest.json"));
      assertFalse(
          child.printed().toString().contains("[1/"),
          "nothing rendered while waiting:\n" + child.printed());
    }
    assertEquals(0, child.exit(), child.printed().toString());
    Map<String, ?> listed = PublishedOutput.assertConsistent(output, "after both");
    assertTrue(
        listed.containsKey("standard/en-GB/standard.en-GB.pdf")
            && listed.containsKey("standard/pl/standard.pl.pdf"),
        listed.keySet().toString());
    assertFalse(
        new String(manifestWhileHeld, StandardCharsets.UTF_8).contains("standard.pl.pdf"),
        "the waiting render published nothing while the folder was held");
  }
}
