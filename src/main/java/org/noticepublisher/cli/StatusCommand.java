package org.noticepublisher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.noticepublisher.AtomicFile;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.publish.Publisher;
import org.noticepublisher.xliff.TranslationStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status}: where each translation stands, locale × variant, also as
 * translations/status.html.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Prints, for each translated locale and variant, the messages translated, missing (shown in",
      "English), stale (the English changed since), plural gaps and review status, and writes the",
      "same as <DIR>/status.html. Exit 0 always when the sources open; 1 when they do not."
    })
final class StatusCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "translations",
      description =
          "Folder for status.html (default: ${DEFAULT-VALUE}; not the published"
              + " output folder, which only render and the service write).")
  Path output;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    var opened = project.open(spec.commandLine().getErr());
    if (opened.isEmpty()) {
      return Main.FAILED;
    }
    Pipeline pipeline = opened.get();
    List<TranslationStatus.Row> rows =
        TranslationStatus.of(pipeline.catalog(), pipeline.assembler().variants());
    String format = "%-7s %-27s %8s %10s %7s %5s %11s  %s%n";
    out.printf(
        Locale.ROOT,
        format,
        "locale",
        "variant",
        "messages",
        "translated",
        "missing",
        "stale",
        "plural gaps",
        "review");
    for (TranslationStatus.Row r : rows) {
      out.printf(
          Locale.ROOT,
          format,
          r.locale(),
          r.variant(),
          r.messages(),
          r.translated(),
          r.missing(),
          r.stale(),
          r.pluralGaps(),
          r.review().name().toLowerCase(Locale.ROOT));
    }
    if (Publisher.isPublishedFolder(output)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          output
              + " is the published "
              + "output folder: only verified notices go there. Choose another folder with -o.");
    }
    Path page = output.resolve("status.html");
    AtomicFile.write(page, TranslationStatus.html(rows).getBytes(StandardCharsets.UTF_8));
    out.println();
    out.println("wrote " + page);
    return Main.OK;
  }
}
