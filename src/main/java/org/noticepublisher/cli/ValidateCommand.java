package org.noticepublisher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.verify.PdfValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate FILE…}: veraPDF on any PDF, with a report a person can read. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validates PDF files with veraPDF against PDF/UA-1 and PDF/A-2a (with --standard ua2:",
      "PDF/UA-2, WTPDF 1.0 accessibility and PDF/A-4; or a profile given with --profile).",
      "Exit 0: all compliant; 1: some not; 2: usage error (e.g. a missing file)."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "PDF files to validate.")
  List<Path> files;

  @Option(
      names = "--profile",
      paramLabel = "XML",
      description = "A veraPDF validation profile (XML), e.g. the WCAG 2.2 machine profile.")
  Path profile;

  @Option(
      names = "--standard",
      paramLabel = "ua1|ua2",
      defaultValue = "ua1",
      converter = RenderCommand.StandardConverter.class,
      description =
          "Standards to check when no profile is given: ua1 or ua2 "
              + "(default: ${DEFAULT-VALUE}).")
  Layout.Standard standard;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + f);
      }
    }
    PdfValidator validator;
    try {
      validator =
          profile == null
              ? PdfValidator.publishingStandards(standard)
              : PdfValidator.fromProfile(profile);
    } catch (FindingsException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    int failed = 0;
    for (Path f : files) {
      List<Finding> findings = validator.validate(Files.readAllBytes(f), f.toString());
      if (findings.isEmpty()) {
        out.println("PASS  " + f + "  (" + validator.describe() + ")");
      } else {
        failed++;
        out.println(
            "FAIL  "
                + f
                + "  ("
                + validator.describe()
                + ", "
                + findings.size()
                + " rules failed)");
        findings.forEach(x -> out.println("      " + x.code() + ": " + x.message()));
      }
    }
    out.println();
    out.println((files.size() - failed) + " of " + files.size() + " files compliant");
    return failed == 0 ? Main.OK : Main.FAILED;
  }
}
