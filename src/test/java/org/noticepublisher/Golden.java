package org.noticepublisher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files: text a user reads, compared exactly with a reviewed copy under {@code
 * src/test/resources/golden/}. A difference fails with the first differing line and the lines
 * around it. To accept a change on purpose, rewrite the files and review them with {@code git
 * diff}:
 *
 * <pre>mvn -B test -Dgolden.update=true -Dtest=GoldenTest</pre>
 */
public final class Golden {
  /** Where golden files live; relative paths given to {@link #assertMatches} resolve here. */
  public static final Path DIR = Fixtures.PROJECT.resolve("src/test/resources/golden");

  static final String UPDATE = "golden.update";
  private static final int CONTEXT = 3;

  private Golden() {}

  /** Fails unless {@code actual} equals the golden file exactly; -Dgolden.update rewrites it. */
  public static void assertMatches(Path golden, String actual) {
    assertMatches(golden, actual, Boolean.getBoolean(UPDATE));
  }

  static void assertMatches(Path golden, String actual, boolean update) {
    Path file = DIR.resolve(golden);
    try {
      if (update) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.isRegularFile(file)) {
        throw new AssertionError(
            "no golden file "
                + Fixtures.PROJECT.relativize(file)
                + "; create it with: mvn -B test -D"
                + UPDATE
                + "=true -Dtest=<this test>");
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      diff(expected, actual)
          .ifPresent(
              d -> {
                throw new AssertionError(
                    Fixtures.PROJECT.relativize(file)
                        + " differs:\n"
                        + d
                        + "\nIf the change is intended: mvn -B test -D"
                        + UPDATE
                        + "=true -Dtest=<this test>"
                        + ", then review git diff "
                        + Fixtures.PROJECT.relativize(file));
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A readable account of the first difference: line number, context, expected and actual line. */
  static java.util.Optional<String> diff(String expected, String actual) {
    if (expected.equals(actual)) {
      return java.util.Optional.empty();
    }
    List<String> want = List.of(expected.split("\n", -1));
    List<String> got = List.of(actual.split("\n", -1));
    int i = 0;
    while (i < want.size() && i < got.size() && want.get(i).equals(got.get(i))) {
      i++;
    }
    StringBuilder out = new StringBuilder();
    out.append("first difference at line ")
        .append(i + 1)
        .append(" (expected ")
        .append(want.size())
        .append(" lines, got ")
        .append(got.size())
        .append(" lines)\n");
    for (int j = Math.max(0, i - CONTEXT); j < i; j++) {
      out.append(String.format("  %5d   %s%n", j + 1, want.get(j)));
    }
    for (int j = i; j < Math.min(want.size(), i + CONTEXT); j++) {
      out.append(String.format("- %5d   %s%n", j + 1, visible(want.get(j))));
    }
    for (int j = i; j < Math.min(got.size(), i + CONTEXT); j++) {
      out.append(String.format("+ %5d   %s%n", j + 1, visible(got.get(j))));
    }
    return java.util.Optional.of(out.toString());
  }

  /** Shows what would otherwise look equal: a carriage return, trailing blanks. */
  private static String visible(String line) {
    String shown = line.replace("\r", "\\r");
    int end = shown.length();
    while (end > 0 && shown.charAt(end - 1) == ' ') {
      end--;
    }
    return end == shown.length()
        ? shown
        : shown.substring(0, end) + "·".repeat(shown.length() - end);
  }
}
