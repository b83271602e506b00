package org.noticepublisher;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.noticepublisher.cli.Main;

/**
 * Runs the command line as a person would, capturing what it prints.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
public record Cli(int code, String out, String err) {
  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  /** Everything printed, for assertion messages. */
  public String printed() {
    return out + err;
  }
}
