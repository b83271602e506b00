package org.noticepublisher.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;

/**
 * A UTF-8 {@code .properties} file with the line of each key, so every diagnostic can point at it.
 * {@link Properties} does the parsing (escapes, continuations); this class only adds lines, order and
 * the checks {@code Properties} silently skips (duplicate keys, bad encoding).
 */
public record PropertiesFile(Path file, Map<String, String> values, Map<String, Integer> lines) {
  private static final Pattern KEY_LINE = Pattern.compile("^\\s*((?:[^\\s=:\\\\]|\\\\.)+)\\s*[=:\\s]?");

  public PropertiesFile {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    lines = Map.copyOf(lines);
  }

  public static PropertiesFile load(Path file) throws FindingsException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new FindingsException(
          Finding.error("encoding", "file is not valid UTF-8")
              .at(file.toString(), 0)
              .withFix("save the file as UTF-8"));
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
    Properties one = new Properties();
    try {
      one.load(new StringReader(raw + "="));
    } catch (IOException | IllegalArgumentException e) {
      return raw;
    }
    return one.stringPropertyNames().stream().findFirst().orElse(raw);
  }
}
