package org.noticepublisher.assemble;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.PropertiesFile;

/**
 * A notice variant as data: which sections, in which order, under which title, read from {@code
 * templates/variants/<id>.properties}. Adding a variant is adding such a file and its messages.
 *
 * @param id the variant id, the file's name
 * @param titleKey message key of the visible title (the H1)
 * @param documentTitleKey message key of the PDF document title
 * @param subjectKey message key of the PDF subject
 * @param sections section ids, each a fragment {@code templates/sections/<id>.html}
 * @param style extra style sheet {@code templates/<style>.css} layered over the base one, or empty
 * @param icons whether sections show their picture ({@code templates/icons/<section>.svg})
 * @param readability the English text's readability targets
 * @param file where the definition was read from
 */
public record Variant(
    String id,
    String titleKey,
    String documentTitleKey,
    String subjectKey,
    List<String> sections,
    String style,
    boolean icons,
    Readability readability,
    Path file) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Every key a definition may have: a misspelt one would be ignored and its default applied. */
  public static final List<String> KEYS =
      List.of(
          "title",
          "documentTitle",
          "subject",
          "sections",
          "style",
          "icons",
          "readability.minReadingEase",
          "readability.maxSentenceWords");

  public Variant {
    Objects.requireNonNull(id, "id");
    sections = List.copyOf(sections);
    style = Objects.requireNonNullElse(style, "");
    Objects.requireNonNull(readability, "readability");
  }

  /**
   * Readability targets for the English text.
   *
   * @param minReadingEase lowest Flesch reading ease allowed, or 0 for no minimum
   * @param maxSentenceWords highest average sentence length in words allowed
   */
  public record Readability(double minReadingEase, double maxSentenceWords) {
    public static final Readability GOV_UK = new Readability(0, 25);
  }

  /**
   * Reads and checks a definition: every key must be known, every section it names must exist as a
   * fragment, and the title, document title and subject keys must be messages of {@code source}.
   */
  public static Variant load(Path file, Path templates, Bundle source) throws FindingsException {
    String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
    PropertiesFile props = PropertiesFile.load(file);
    List<Finding> problems =
        new ArrayList<>(props.unknownKeys(KEYS::contains, KEYS, "a variant definition"));
    String where = file.toString();
    if (!ID.matcher(name).matches()) {
      problems.add(
          Finding.error("variant", "variant file name must be lower-case words joined by '-'")
              .at(where, 0));
    }
    for (String key : List.of("title", "documentTitle", "subject", "sections")) {
      if (props.values().getOrDefault(key, "").isBlank()) {
        problems.add(
            Finding.error(key, "the variant definition needs '" + key + "'")
                .at(where, props.lineOf(key))
                .withFix("add " + key + " = … (see templates/variants/standard.properties)"));
      }
    }
    for (String key : List.of("title", "documentTitle", "subject")) {
      String message = props.values().getOrDefault(key, "");
      if (!message.isBlank()
          && source.pattern(message).isEmpty()
          && source.pattern(name + "." + message).isEmpty()) {
        var near = PropertiesFile.nearest(message, source.keys());
        problems.add(
            Finding.error(
                    key,
                    "no message '"
                        + message
                        + "' in the source bundle "
                        + source.file().getFileName()
                        + near.map(n -> "; did you mean " + n + "?").orElse(""))
                .at(where, props.lineOf(key))
                .withFix(
                    near.map(n -> "write " + key + " = " + n)
                        .orElse("add " + message + " = … to " + source.file().getFileName())));
      }
    }
    List<String> sections =
        Arrays.stream(props.values().getOrDefault("sections", "").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    for (String section : sections) {
      if (!ID.matcher(section).matches()) {
        problems.add(
            Finding.error("sections", "not a section id: '" + section + "'")
                .at(where, props.lineOf("sections")));
      } else if (!Files.isRegularFile(templates.resolve("sections").resolve(section + ".html"))) {
        problems.add(
            Finding.error("sections", "no fragment for section '" + section + "'")
                .at(where, props.lineOf("sections"))
                .withFix(
                    "create templates/sections/" + section + ".html or remove it from the list"));
      }
    }
    String style = props.values().getOrDefault("style", "");
    if (!style.isEmpty() && !Files.isRegularFile(templates.resolve(style + ".css"))) {
      problems.add(
          Finding.error("style", "no style sheet templates/" + style + ".css")
              .at(where, props.lineOf("style")));
    }
    Readability readability = Readability.GOV_UK;
    try {
      readability =
          new Readability(
              Double.parseDouble(props.values().getOrDefault("readability.minReadingEase", "0")),
              Double.parseDouble(
                  props.values().getOrDefault("readability.maxSentenceWords", "25")));
    } catch (NumberFormatException e) {
      problems.add(
          Finding.error("readability", "readability targets must be numbers")
              .at(where, props.lineOf("readability.maxSentenceWords")));
    }
    String icons = props.values().getOrDefault("icons", "false");
    if (!icons.equals("true") && !icons.equals("false")) {
      problems.add(
          Finding.error("icons", "icons must be true or false").at(where, props.lineOf("icons")));
    }
    if (!problems.isEmpty()) {
      throw new FindingsException(problems);
    }
    return new Variant(
        name,
        // Present and not blank: checked above.
        props.values().getOrDefault("title", ""),
        props.values().getOrDefault("documentTitle", ""),
        props.values().getOrDefault("subject", ""),
        sections,
        style,
        icons.equals("true"),
        readability,
        file);
  }
}
