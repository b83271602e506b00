package org.noticepublisher.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.noticepublisher.Finding;
import org.noticepublisher.Pipeline;
import org.noticepublisher.assemble.Variant;
import org.noticepublisher.catalog.BundleLint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lint}: checks the sources without rendering, for translators and editors. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {
      "Checks bundles against the source bundle (arguments, missing and unknown keys, apostrophes,",
      "review status), the organisation profile, the templates and each variant's UK GDPR Art. 13",
      "coverage, without rendering. Exit 0: no errors; 1: errors (or warnings with --strict)."
    })
final class LintCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--strict", description = "Fail on warnings too.")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    var opened = project.open(spec.commandLine().getErr());
    if (opened.isEmpty()) {
      return Main.FAILED;
    }
    Pipeline pipeline = opened.get();
    List<Finding> findings = new ArrayList<>(BundleLint.check(pipeline.catalog()));
    findings.addAll(pipeline.warnings());
    for (Variant v : pipeline.assembler().variants().values()) {
      findings.addAll(pipeline.legalCoverage().check(v));
    }
    findings.forEach(f -> out.println(f));
    long errors = findings.stream().filter(Finding::isError).count();
    out.printf("%n%d errors, %d warnings in %d bundles, %d variants%n", errors,
        findings.size() - errors, pipeline.catalog().locales().size(),
        pipeline.assembler().variants().size());
    return errors > 0 || (strict && !findings.isEmpty()) ? Main.FAILED : Main.OK;
  }
}
