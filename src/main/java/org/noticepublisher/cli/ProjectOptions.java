package org.noticepublisher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.publish.SourcesLock;
import picocli.CommandLine.Option;

/** Where the project's sources are; shared by the commands that read them. */
final class ProjectOptions {
  @Option(
      names = {"-p", "--project"},
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Project folder holding locales/ and templates/ (default: ${DEFAULT-VALUE}).")
  Path project;

  /** Opens the pipeline, printing every problem with the sources; empty when they are broken. */
  Optional<Pipeline> open(PrintWriter err) {
    try {
      return Optional.of(Pipeline.open(project));
    } catch (FindingsException e) {
      err.println("The notice sources have problems; nothing was rendered:");
      for (Finding f : e.findings()) {
        err.println("  " + f);
      }
      return Optional.empty();
    }
  }

  /**
   * Takes the sources' lock (shared with the web service's saves), saying so on {@code err} while
   * someone else holds it; empty, with the reason printed, when it stays held past {@code wait}.
   */
  Optional<SourcesLock> lockSources(String purpose, long waitSeconds, PrintWriter err)
      throws IOException {
    try {
      return Optional.of(
          SourcesLock.acquire(
              project,
              purpose,
              Duration.ofSeconds(waitSeconds),
              message -> {
                err.println(message);
                err.flush();
              }));
    } catch (SourcesLock.BusyException e) {
      err.println("Nothing was changed. " + e.getMessage());
      return Optional.empty();
    }
  }
}
