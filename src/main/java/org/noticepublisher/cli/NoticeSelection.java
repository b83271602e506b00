package org.noticepublisher.cli;

import java.util.ArrayList;
import java.util.List;
import org.noticepublisher.NoticeId;
import org.noticepublisher.pipeline.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Which notices a command works on: variants × locales, all of each by default. */
final class NoticeSelection {
  @Option(
      names = {"-v", "--variant"},
      split = ",",
      paramLabel = "ID",
      description = "Variants, e.g. standard (default: all).")
  List<String> variants = new ArrayList<>();

  @Option(
      names = {"-l", "--locale"},
      split = ",",
      paramLabel = "TAG",
      description = "Locales, e.g. en-GB,pl (default: all).")
  List<String> locales = new ArrayList<>();

  /**
   * The chosen notices; an unknown variant or locale is a usage error that lists the known ones.
   */
  List<NoticeId> resolve(Pipeline pipeline, CommandLine command) {
    try {
      return pipeline.matrix(variants, locales);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(command, e.getMessage());
    }
  }
}
