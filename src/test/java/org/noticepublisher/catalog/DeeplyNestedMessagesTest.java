package org.noticepublisher.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  @Test
  void aMessageWithAsManyBracesAsAllowedLoads(@TempDir Path dir) throws Exception {
    String message = nested(Bundle.MAX_BRACES / 2, "x");
    assertEquals(Bundle.MAX_BRACES, message.chars().filter(c -> c == '{').count());
    Path file = dir.resolve("pl.properties");
    Files.writeString(file, "deep = " + message + "\n");
    assertEquals("pl", Bundle.load(file).locale());
  }

  /**
   * One brace too many, and messages that overflowed ICU's stack at 5,000 repetitions. Quoting
   * cannot hide the depth: text ICU quotes ({@code '#…'} in a plural, {@code '|…'} in a choice, any
   * apostrophe in a number style) may hold closing braces that a count of nesting would believe.
   */
  static Stream<Arguments> refused() {
    int n = 5000;
    return Stream.of(
        arguments("one brace too many", nested(Bundle.MAX_BRACES / 2, "{b}")),
        arguments("select in select", nested(n, "x")),
        arguments("quoted closing braces", "{a, select, other {'}}'".repeat(n) + "}}".repeat(n)),
        arguments("plural with '#…'", "{a,plural,other{'#}}' ".repeat(n) + "x" + "}}".repeat(n)),
        arguments(
            "selectordinal with '#…'",
            "{a,selectordinal,other{'#}}' ".repeat(n) + "x" + "}}".repeat(n)),
        arguments("choice with '|…'", "{a,choice,0#'|}}' ".repeat(n) + "x" + "}".repeat(n)),
        arguments(
            "number style with an apostrophe",
            "{a,select,other{{b,number,'x}}}'}".repeat(n) + "x" + "}}".repeat(n)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void isRefusedWithAFindingAtItsLine(String name, String message, @TempDir Path dir)
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
        f.message().contains("more than the " + Bundle.MAX_BRACES + " a message may have"),
        f.message());
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
    assertTrue(r.err().contains("it has 10,000 { braces"), r.err());
    assertFalse(r.printed().contains("StackOverflowError"), r.printed());
  }
}
