package org.noticepublisher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.publish.Publisher;
import org.noticepublisher.xliff.KeyContext;
import org.noticepublisher.xliff.SourceContext;
import org.noticepublisher.xliff.XliffExport;
import org.noticepublisher.xliff.XliffImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xliff export|import}: exchange a bundle with a translator's CAT tool as XLIFF 2.0. */
@Command(
    name = "xliff",
    mixinStandardHelpOptions = true,
    description = "Exchanges bundles with CAT tools as XLIFF 2.0 files.",
    subcommands = {XliffCommand.Export.class, XliffCommand.Import.class})
final class XliffCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "choose: xliff export -l TAG, or xliff import FILE");
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Writes <DIR>/<TAG>.xlf: a unit per key with notes (key, section, variants, page of the",
        "English A4 PDF, meaning of each argument), arguments as <ph/> codes, state from the review",
        "status and staleness, plurals as one segment per category of the target language."
      })
  static final class Export implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin ProjectOptions project;

    @Option(
        names = {"-l", "--locale"},
        split = ",",
        required = true,
        paramLabel = "TAG",
        description = "Bundles to export, e.g. pl or pl,uk.")
    List<String> locales;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "DIR",
        defaultValue = "translations/xliff",
        description =
            "Folder for the .xlf files (default: ${DEFAULT-VALUE}; not the published"
                + " output folder, which only render and the service write).")
    Path output;

    @Option(
        names = "--context",
        description =
            "Also write <DIR>/context/<key>.png, the lines of the English A4 PDF where "
                + "each message sits, referenced from the unit's notes.")
    boolean context;

    @Option(
        names = "--no-pages",
        description = "Skip rendering the English PDFs (no page numbers in the notes; faster).")
    boolean noPages;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      var opened = project.open(spec.commandLine().getErr());
      if (opened.isEmpty()) {
        return Main.FAILED;
      }
      Pipeline pipeline = opened.get();
      if (Publisher.isPublishedFolder(output)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            output
                + " is inside the "
                + "published output folder: only verified notices go there. Choose another with -o.");
      }
      Catalog catalog = pipeline.catalog();
      for (String l : locales) {
        if (catalog
            .bundle(l)
            .filter(b -> !b.generated() && !l.equals(Catalog.SOURCE_LOCALE))
            .isEmpty()) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "no translated bundle '"
                  + l
                  + "'; translated: "
                  + catalog.locales().stream()
                      .filter(t -> !Catalog.isPseudoLocale(t) && !t.equals(Catalog.SOURCE_LOCALE))
                      .toList());
        }
      }
      if (noPages && context) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--context needs the English PDFs: drop --no-pages");
      }
      Map<String, KeyContext> where = Map.of();
      if (!noPages) {
        out.println("Rendering the English notices to find each key's page …");
        out.flush();
        Map<String, byte[]> pdfs = new HashMap<>();
        where =
            SourceContext.of(
                catalog,
                pipeline.profile(),
                pipeline.assembler().variants(),
                v -> pdfs.computeIfAbsent(v, x -> englishPdf(pipeline, x)),
                context ? output.resolve("context") : null);
      }
      XliffExport export = new XliffExport(catalog, pipeline.profile(), where);
      Files.createDirectories(output);
      for (String l : locales) {
        Path file = output.resolve(l + ".xlf");
        Files.writeString(file, export.export(l), StandardCharsets.UTF_8);
        out.printf("wrote %s (%d KiB)%n", file, (Files.size(file) + 1023) / 1024);
      }
      return Main.OK;
    }

    private static byte[] englishPdf(Pipeline pipeline, String variant) {
      Publication p =
          pipeline.produce(new NoticeId(variant, Catalog.SOURCE_LOCALE), Layout.DEFAULT);
      return p.pdf()
          .map(pdf -> pdf.bytes())
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "the English "
                          + variant
                          + " notice did not render: "
                          + p.verdict().errors()));
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Checks a translated XLIFF 2.0 file (schema, keys, codes, every plural form, and every lint",
        "and QA check on the new text) and, only if there is no error, updates the bundle in place",
        "and records the basis of each translated unit. It holds the sources' lock, shared with the",
        "web service's saves, while it reads and writes; it does not commit to git (the service",
        "does): commit the bundle and its .basis.properties yourself. Exit 0: imported; 1: problems",
        "or the sources stayed locked past --wait, nothing changed; 2: usage."
      })
  static final class Import implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin ProjectOptions project;

    @Parameters(paramLabel = "FILE", description = "The .xlf file.")
    Path file;

    @Option(
        names = "--wait",
        paramLabel = "SECONDS",
        defaultValue = "60",
        description =
            "How long to wait while the web service or another command writes the "
                + "sources, then give up with exit 1 (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Override
    public Integer call() throws IOException, FindingsException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isRegularFile(file)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
      }
      if (waitSeconds < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--wait must be 0 or more");
      }
      var lock = project.lockSources("xliff import of " + file.getFileName(), waitSeconds, err);
      if (lock.isEmpty()) {
        return Main.FAILED;
      }
      // Checked against the sources as they are under the lock, so the plan is what gets written.
      try (var held = lock.get()) {
        return importUnderLock(out, err);
      }
    }

    private int importUnderLock(PrintWriter out, PrintWriter err)
        throws IOException, FindingsException {
      var opened = project.open(err);
      if (opened.isEmpty()) {
        return Main.FAILED;
      }
      Pipeline pipeline = opened.get();
      XliffImport.Plan plan = XliffImport.read(pipeline.catalog(), file);
      if (!plan.clean()) {
        long errors = plan.problems().stream().filter(Finding::isError).count();
        err.println("Nothing was changed: " + errors + " error(s) in " + file + ":");
        plan.problems().forEach(f -> err.println("  " + f));
        return Main.FAILED;
      }
      plan.problems().forEach(f -> out.println(f));
      XliffImport.apply(pipeline.catalog(), plan);
      out.printf(
          "imported %s into locales/%s.properties: %d message(s) changed, %d marked as "
              + "matching the current English%n",
          file, plan.locale(), plan.changes().size(), plan.accepted().size());
      return Main.OK;
    }
  }
}
