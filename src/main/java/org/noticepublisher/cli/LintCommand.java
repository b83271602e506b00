package org.noticepublisher.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.noticepublisher.Finding;
import org.noticepublisher.assemble.Variant;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.BundleLint;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.catalog.SourceBasis;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.render.BundleFit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lint}: checks the sources without rendering, for translators and editors. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Checks bundles against the source bundle (arguments, missing and unknown keys, apostrophes,",
      "review status), the organisation profile, the templates and each variant's UK GDPR Art. 13",
      "coverage, without rendering; stale translations (the English changed since) with a word",
      "diff: [-old words-] {+new words+}. --accept KEY… -l TAG records that translations match the",
      "current English (under the sources' lock shared with the web service; nothing is committed",
      "to git: commit the .basis.properties files yourself). Exit 0: no errors; 1: errors (or",
      "warnings with --strict, or the sources stayed locked past --wait); 2: usage."
    })
final class LintCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--strict", description = "Fail on warnings too.")
  boolean strict;

  @Option(
      names = {"-l", "--locale"},
      split = ",",
      paramLabel = "TAG",
      description = "Bundle whose translations --accept/--accept-all records (repeatable).")
  List<String> locales = new ArrayList<>();

  @Option(
      names = "--accept",
      paramLabel = "KEY",
      arity = "1..*",
      description =
          "Record that the translation of KEY matches the current English (clears stale).")
  List<String> accept = new ArrayList<>();

  @Option(
      names = "--accept-all",
      description =
          "Record that every translation of the bundle matches the current English; the "
              + "first use records the state of a bundle.")
  boolean acceptAll;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "With --accept: how long to wait while the web service or another command "
              + "writes the sources, then give up with exit 1 (default: ${DEFAULT-VALUE}).")
  long waitSeconds;

  @Override
  public Integer call() throws java.io.IOException, org.noticepublisher.FindingsException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (waitSeconds < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--wait must be 0 or more");
    }
    if (acceptAll || !accept.isEmpty()) {
      if (acceptAll && !accept.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "choose either --accept KEY… or --accept-all");
      }
      if (locales.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "say which bundle: -l TAG (e.g. -l pl)");
      }
      // Read under the lock too: what is accepted must be the English and bundle as they are now.
      var lock =
          project.lockSources("lint --accept of " + String.join(",", locales), waitSeconds, err);
      if (lock.isEmpty()) {
        return Main.FAILED;
      }
      try (var held = lock.get()) {
        if (!accept(out, err)) {
          return Main.FAILED;
        }
      }
    } else if (!locales.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "-l is for --accept/--accept-all; lint checks every bundle");
    }
    var opened = project.open(err);
    if (opened.isEmpty()) {
      return Main.FAILED;
    }
    Pipeline pipeline = opened.get();
    List<Finding> findings = new ArrayList<>(BundleLint.check(pipeline.catalog()));
    findings.addAll(
        BundleFit.withShippedFonts()
            .check(pipeline.catalog(), pipeline.assembler().variants().values()));
    findings.addAll(pipeline.warnings());
    for (Variant v : pipeline.assembler().variants().values()) {
      findings.addAll(pipeline.legalCoverage().check(v));
    }
    // File by file, line by line, as an editor lists them; findings without a file come last.
    findings.sort(
        java.util.Comparator.comparing((Finding f) -> f.source().isEmpty())
            .thenComparing(Finding::source)
            .thenComparingInt(Finding::line));
    findings.forEach(f -> out.println(f));
    long errors = findings.stream().filter(Finding::isError).count();
    out.printf(
        "%n%d errors, %d warnings in %d bundles, %d variants%n",
        errors,
        findings.size() - errors,
        pipeline.catalog().locales().size(),
        pipeline.assembler().variants().size());
    return errors > 0 || (strict && !findings.isEmpty()) ? Main.FAILED : Main.OK;
  }

  /** Records the basis (the caller holds the sources' lock); false when the sources are broken. */
  private boolean accept(PrintWriter out, PrintWriter err)
      throws java.io.IOException, org.noticepublisher.FindingsException {
    var opened = project.open(err);
    if (opened.isEmpty()) {
      return false;
    }
    Catalog catalog = opened.get().catalog();
    for (String locale : locales) {
      Bundle bundle =
          catalog
              .bundle(locale)
              .filter(b -> !b.generated() && !b.locale().equals(Catalog.SOURCE_LOCALE))
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "no translated bundle '"
                              + locale
                              + "'; translated: "
                              + catalog.locales().stream()
                                  .filter(
                                      l ->
                                          !Catalog.isPseudoLocale(l)
                                              && !l.equals(Catalog.SOURCE_LOCALE))
                                  .toList()));
      for (String key : accept) {
        if (bundle.pattern(key).isEmpty()) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "no key '" + key + "' in " + bundle.file());
        }
      }
      SourceBasis basis = SourceBasis.accept(bundle, catalog.source(), accept);
      out.println(
          "recorded the English of "
              + (accept.isEmpty() ? "every translation" : accept.size() + " translation(s)")
              + " of "
              + locale
              + " in "
              + basis.file());
    }
    return true;
  }
}
