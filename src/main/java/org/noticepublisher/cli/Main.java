package org.noticepublisher.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code notice-publisher}: the command line. Exit codes: 0 all good, 1 a notice failed validation
 * or content checks, 2 usage error (bad argument, unknown variant or locale).
 */
@Command(
    name = "notice-publisher",
    mixinStandardHelpOptions = true,
    version = "Notice Publisher 0.1.0",
    description =
        "Renders accessible, multilingual privacy notices as validated PDF/UA-1 and HTML.",
    subcommands = {
      RenderCommand.class,
      ValidateCommand.class,
      LintCommand.class,
      XliffCommand.class,
      StatusCommand.class,
      ServeCommand.class,
      UsersCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "choose a command: render, validate, lint, xliff, status, bench, serve, users (see --help)");
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          err.println("error: " + e);
          return FAILED;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }
}
