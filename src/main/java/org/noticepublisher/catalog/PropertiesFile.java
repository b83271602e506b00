package org.noticepublisher.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;

/**
 * A UTF-8 {@code .properties} file with the line of each key, so every diagnostic can point at it.
 * {@link Properties} does the parsing (escapes, continuations); this class only adds lines, order
 * and the checks {@code Properties} silently skips (duplicate keys, bad encoding). Public because
 * every stage reads its sources in this format (bundles, the organisation profile, variants, the
 * Art. 13 map).
 */
public record PropertiesFile(Path file, Map<String, String> values, Map<String, Integer> lines) {
  private static final Pattern KEY_LINE =
      Pattern.compile("^\\s*((?:[^\\s=:\\\\]|\\\\.)+)\\s*[=:\\s]?");

  public PropertiesFile {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    lines = Map.copyOf(lines);
  }

  public static PropertiesFile load(Path file) throws FindingsException {
    String text;
    try {
      text = utf8(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new FindingsException(
          Finding.error("io", "cannot read file: " + e.getMessage()).at(file.toString(), 0));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Properties parsed = new Properties();
    try {
      parsed.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new FindingsException(
          Finding.error("syntax", "cannot parse properties: " + e.getMessage())
              .at(file.toString(), 0)
              .withFix("check for a malformed \\uXXXX escape"));
    }
    Map<String, Integer> lines = new LinkedHashMap<>();
    List<Finding> problems = new ArrayList<>();
    String[] rows = text.split("\r\n|\r|\n", -1);
    boolean continued = false;
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i];
      boolean wasContinued = continued;
      continued = endsWithOddBackslashes(row);
      String trimmed = row.stripLeading();
      if (wasContinued || trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
        continue;
      }
      Matcher m = KEY_LINE.matcher(row);
      if (!m.find()) {
        continue;
      }
      String key = unescapeKey(m.group(1));
      if (lines.containsKey(key)) {
        problems.add(
            Finding.error(key, "key is defined twice (first on line " + lines.get(key) + ")")
                .at(file.toString(), i + 1)
                .withFix("keep one definition of " + key));
      } else {
        lines.put(key, i + 1);
      }
    }
    if (!problems.isEmpty()) {
      throw new FindingsException(problems);
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String key : lines.keySet()) {
      if (parsed.containsKey(key)) {
        ordered.put(key, parsed.getProperty(key).strip());
      }
    }
    return new PropertiesFile(file, ordered, lines);
  }

  /**
   * The bytes as UTF-8 text; the first byte that is not UTF-8 is reported by line and byte column,
   * so a translator can find it in any editor (the decoder's own message names neither). For files
   * on disk and uploads alike.
   *
   * @param source the file name the finding shows
   */
  public static String utf8(byte[] bytes, String source) throws FindingsException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int bad = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        boolean lone = bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n');
        if (bytes[i] == '\n' || lone) {
          line++;
          lineStart = i + 1;
        }
      }
      throw new FindingsException(
          Finding.error(
                  "encoding",
                  String.format(
                      Locale.ROOT,
                      "not UTF-8 at line %d, byte %d (0x%02X)",
                      line,
                      bad - lineStart + 1,
                      bytes[bad] & 0xFF))
              .at(source, line)
              .withFix(
                  "save the file as UTF-8 (it looks like another encoding, e.g. Windows-1250 or "
                      + "Latin-1), or retype the character at that byte"));
    }
    out.flip();
    return out.toString();
  }

  /**
   * An error for every key {@code known} rejects, with the nearest of {@code candidates} as a
   * suggestion when one is close: a misspelt key would otherwise be ignored and a default applied.
   */
  public List<Finding> unknownKeys(
      Predicate<String> known, Collection<String> candidates, String what) {
    List<Finding> findings = new ArrayList<>();
    for (String key : values.keySet()) {
      if (!known.test(key)) {
        Optional<String> near = nearest(key, candidates);
        findings.add(
            Finding.error(
                    key,
                    "unknown key in "
                        + what
                        + near.map(n -> ": did you mean " + n + "?").orElse(""))
                .at(file.toString(), lineOf(key))
                .withFix(
                    near.map(n -> "rename it to " + n)
                        .orElse("delete the line, or use one of " + abbreviated(candidates))));
      }
    }
    return findings;
  }

  /**
   * The candidate with the smallest edit distance to {@code key}, if it is close enough to mean.
   */
  public static Optional<String> nearest(String key, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = editDistance(key, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    // A third of the key, at least 2: enough for a dropped, doubled or swapped letter or two.
    return best != null && bestDistance <= Math.max(2, key.length() / 3)
        ? Optional.of(best)
        : Optional.empty();
  }

  /** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String abbreviated(Collection<String> names) {
    List<String> list = List.copyOf(names);
    return list.size() <= 8 ? list.toString() : list.subList(0, 8).toString().replace("]", ", …]");
  }

  /** Line of {@code key}, or 0 when the key is not in this file. */
  public int lineOf(String key) {
    return lines.getOrDefault(key, 0);
  }

  private static boolean endsWithOddBackslashes(String row) {
    int n = 0;
    for (int i = row.length() - 1; i >= 0 && row.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  private static String unescapeKey(String raw) {
    if (raw.indexOf('\\') < 0) {
      // Nothing escaped, as in nearly every key: Properties would read it as it is. Loading a
      // Properties per key (each with an 8 kB buffer) was most of the time a catalog took to load.
      return raw;
    }
    Properties one = new Properties();
    try {
      one.load(new StringReader(raw + "="));
    } catch (IOException | IllegalArgumentException e) {
      return raw;
    }
    return one.stringPropertyNames().stream().findFirst().orElse(raw);
  }
}
