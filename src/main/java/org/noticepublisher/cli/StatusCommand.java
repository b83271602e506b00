package org.noticepublisher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.noticepublisher.Pipeline;
import org.noticepublisher.xliff.TranslationStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: where each translation stands, locale × variant, also as output/status.html. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {
      "Prints, for each translated locale and variant, the messages translated, missing (shown in",
      "English), stale (the English changed since), plural gaps and review status, and writes the",
      "same as <DIR>/status.html. Exit 0 always when the sources open; 1 when they do not."
    })
final class StatusCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "output",
      description = "Folder for status.html (default: ${DEFAULT-VALUE}).")
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
    out.printf(Locale.ROOT, format, "locale", "variant", "messages", "translated", "missing",
        "stale", "plural gaps", "review");
    for (TranslationStatus.Row r : rows) {
      out.printf(Locale.ROOT, format, r.locale(), r.variant(), r.messages(), r.translated(),
          r.missing(), r.stale(), r.pluralGaps(), r.review().name().toLowerCase(Locale.ROOT));
    }
    Files.createDirectories(output);
    Path page = output.resolve("status.html");
    Path temp = Files.createTempFile(output, ".status.html", ".tmp");
    try {
      Files.writeString(temp, TranslationStatus.html(rows), StandardCharsets.UTF_8);
      Files.move(temp, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    out.println();
    out.println("wrote " + page);
    return Main.OK;
  }
}
