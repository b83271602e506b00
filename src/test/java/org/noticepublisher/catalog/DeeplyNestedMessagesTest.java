package org.noticepublisher.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Cli;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.Fixtures;

/**
 * A message whose arguments nest thousands deep, as a translator's upload or XLIFF file may carry:
 * ICU parses nested arguments recursively, so such a message ended a check or a lint with a
 * StackOverflowError. It is refused with a finding instead, the same on every thread.
 */
class DeeplyNestedMessagesTest {
  /** {@code levels} select arguments, each inside the last one's message. */
  private static String nested(int levels, String inside) {
    return "{a, select, other {".repeat(levels) + inside + "}}".repeat(levels);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "plain words                                  | 0",
        "{organisation} and {dpo}                     | 1",
        "{n, plural, one {# item} other {# items}}    | 2",
        "a literal '{' and '}' brace                  | 0",
        "'{{{{' four quoted, then {a}                 | 1",
        "it''s {a}, don''t                            | 1",
        "{a, select, other {'}}'{b, select, other {x}}}} | 4",
        "{a, plural, other {'#{'}}                    | 3",
        "unclosed {{{                                 | 3",
      })
  void nestingCountsTheBracesIcuRecursesInto(String pattern, int depth) {
    assertEquals(depth, Bundle.nesting(pattern.strip()));
  }

  @Test
  void messagesNestedUpToTheLimitLoad(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pl.properties");
    Files.writeString(file, "deep = " + nested(Bundle.MAX_NESTING / 2, "x") + "\n");
    assertEquals(Bundle.MAX_NESTING, Bundle.nesting(nested(Bundle.MAX_NESTING / 2, "x")));
    assertEquals("pl", Bundle.load(file).locale());
  }

  static Stream<Arguments> tooDeep() {
    return Stream.of(
        arguments("one level past the limit", nested(Bundle.MAX_NESTING / 2, "{b}")),
        arguments("five thousand selects", nested(5000, "x")),
        // A quoted closing brace in every level would lower a count that ignored quoting; ICU
        // still recurses into every level.
        arguments(
            "quoted closing braces",
            "{a, select, other {'}}'".repeat(5000) + "x" + "}}".repeat(5000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tooDeep")
  void deeperMessagesAreRefusedWithAFinding(String name, String message, @TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("pl.properties");
    Files.writeString(file, "bundle.status = draft\ndeep = " + message + "\nafter = fine\n");
    FindingsException e = assertThrows(FindingsException.class, () -> Bundle.load(file));
    assertEquals(1, e.findings().size(), e.findings().toString());
    Finding f = e.findings().get(0);
    assertEquals("deep", f.code());
    assertEquals(file.toString(), f.source());
    assertEquals(2, f.line());
    assertTrue(
        f.message().contains("more than the " + Bundle.MAX_NESTING + " allowed"), f.message());
  }

  @Test
  void lintNamesTheFileLineAndKey(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir);
    Path pl = project.resolve("locales/pl.properties");
    String text = Files.readString(pl);
    Files.writeString(pl, text + "intro.deep = " + nested(5000, "x") + "\n");
    int line = (int) text.lines().count() + 1;
    Cli r = Cli.run("lint", "-p", project.toString());
    assertEquals(1, r.code(), r.printed());
    assertTrue(r.err().contains("pl.properties:" + line + ": error [intro.deep]"), r.err());
    assertTrue(r.err().contains("nest 10,000 deep"), r.err());
    assertTrue(!r.printed().contains("StackOverflowError"), r.printed());
  }
}
