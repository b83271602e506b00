package org.noticepublisher.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;

/**
 * Keys as {@link java.util.Properties} reads them, each with its line; a file that is not UTF-8:
 * the translator is told the line and the byte to look at.
 */
class PropertiesFileTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | bytes (hex, spaces ignored) | line | byte column
        "Latin-1 é in the value | 61 3D 6F 6B 0A 62 20 3D 20 63 61 66 E9 0A | 2 | 8",
        "truncated sequence at the end | 61 3D 6F 6B 0A 0A 63 3D 20 C5 | 3 | 4",
        "stray continuation byte after CRLF | 61 3D 31 0D 0A 62 3D 32 0D 0A 63 3D 80 31 | 3 | 3",
        "overlong encoding of / | 78 20 3D 20 C0 AF | 1 | 5"
      })
  void invalidUtf8NamesLineAndByte(String name, String hex, int line, int column, @TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("pl.properties");
    Files.write(file, java.util.HexFormat.of().parseHex(hex.replace(" ", "")));
    FindingsException e = assertThrows(FindingsException.class, () -> PropertiesFile.load(file));
    Finding f = e.findings().get(0);
    assertEquals(file.toString(), f.source());
    assertEquals(line, f.line(), f.toString());
    assertTrue(f.message().contains("byte " + column), f.toString());
    assertTrue(f.fix().contains("UTF-8"), f.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // case | line 2 as written | key | value
        "plain key | intro.p.1 = Hello | intro.p.1 | Hello",
        "colon separator | intro.p.1: Hello | intro.p.1 | Hello",
        "space separator | intro.p.1 Hello | intro.p.1 | Hello",
        "escaped space in the key | \"a\\ b = c\" | a b | c",
        "escaped colon in the key | \"a\\:b = c\" | a:b | c",
        "unicode escape in the key | \"\\u0105 = c\" | ą | c",
      })
  void keysAreReadAsPropertiesReadsThemWithTheirLines(
      String name, String written, String key, String value, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("pl.properties");
    Files.writeString(file, "# first line\n" + written + "\nnext = x\n");
    PropertiesFile read = PropertiesFile.load(file);
    assertEquals(value, read.values().get(key), read.values().toString());
    assertEquals(2, read.lineOf(key));
    assertEquals(3, read.lineOf("next"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "written alike | a = 1 | a = 2",
        "once escaped | \"\\u0061 = 1\" | a = 2",
      })
  void aKeyDefinedTwiceIsAnErrorAtTheSecond(
      String name, String first, String second, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("pl.properties");
    Files.writeString(file, first + "\n" + second + "\n");
    FindingsException e = assertThrows(FindingsException.class, () -> PropertiesFile.load(file));
    assertEquals("a", e.findings().get(0).code());
    assertEquals(2, e.findings().get(0).line());
    assertTrue(e.findings().get(0).message().contains("first on line 1"), e.toString());
  }
}
