package org.noticepublisher;

import java.util.Objects;

/**
 * One problem found anywhere in the pipeline: a lint finding, a missing fact, a veraPDF rule
 * failure, a text-fidelity failure. Every stage reports through this one type, so the CLI, JSON and
 * web page show every problem the same way.
 *
 * @param severity whether the problem stops publication
 * @param source the file the problem is in, as a path a user can open: a bundle, template or
 *     profile, or a notice's PDF or HTML twin by its path in the output folder (whether or not it
 *     was published); never a bare notice id. Empty only before a caller knows the file
 * @param line 1-based line in {@code source}, or 0 when there is no line
 * @param code what is wrong in a stable, greppable form: a message key, a rule id, a check name
 * @param message what is wrong, in words
 * @param fix how to fix it, or empty
 */
public record Finding(
    Severity severity, String source, int line, String code, String message, String fix) {

  public Finding {
    Objects.requireNonNull(severity, "severity");
    source = Objects.requireNonNullElse(source, "");
    code = Objects.requireNonNullElse(code, "");
    Objects.requireNonNull(message, "message");
    fix = Objects.requireNonNullElse(fix, "");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, was " + line);
    }
  }

  public static Finding error(String code, String message) {
    return new Finding(Severity.ERROR, "", 0, code, message, "");
  }

  public static Finding warning(String code, String message) {
    return new Finding(Severity.WARNING, "", 0, code, message, "");
  }

  public Finding at(String source, int line) {
    return new Finding(severity, source, line, code, message, fix);
  }

  public Finding withFix(String fix) {
    return new Finding(severity, source, line, code, message, fix);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@code file:line: error [code] message (fix: …)}, the shape compilers use, so editors can jump.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (!source.isEmpty()) {
      s.append(source);
      if (line > 0) {
        s.append(':').append(line);
      }
      s.append(": ");
    }
    s.append(severity.label());
    if (!code.isEmpty()) {
      s.append(" [").append(code).append(']');
    }
    s.append(' ').append(message);
    if (!fix.isEmpty()) {
      s.append(" (fix: ").append(fix).append(')');
    }
    return s.toString();
  }
}
