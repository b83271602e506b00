package org.noticepublisher.assemble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeTraversor;
import org.noticepublisher.Finding;

/**
 * Checks the template files themselves, where a problem can still be pinned to a file and line:
 * images need a text alternative, style sheets may name only the font families that ship with the
 * project (openhtmltopdf silently drops text set in an unknown family), elements may not nest
 * deeper than the renderer can lay out, and neither templates nor icons may refer to other sites or
 * files ({@link References}).
 */
public final class TemplateLint {
  private static final Pattern FONT_FAMILY = Pattern.compile("font-family\\s*:\\s*([^;}]+)");

  /**
   * How deep a template's elements may nest. openhtmltopdf lays boxes out by recursion: at 1,000
   * levels a render ran out of stack (a StackOverflowError, not a finding). The shipped notices
   * nest 7 deep once assembled.
   */
  public static final int MAX_NESTING = 100;

  private TemplateLint() {}

  public static List<Finding> check(Path templates, Set<String> fontFamilies) {
    List<Finding> findings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".css") || name.endsWith(".html")) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          checkFonts(file, text, fontFamilies, findings);
          findings.addAll(References.inTemplate(file.toString(), text, name.endsWith(".html")));
          if (name.endsWith(".html")) {
            // Thymeleaf removes a <th:block …/> where it stands; HTML parsing would leave it open
            // around the rest of the file, ever deeper. Other elements written <x/> stay open, in
            // the assembled notice as here.
            Parser parser = Parser.htmlParser().setTrackPosition(true);
            parser
                .tagSet()
                .onNewTag(
                    tag -> {
                      if (tag.name().startsWith("th:")) {
                        tag.set(Tag.SelfClose);
                      }
                    });
            Document doc = parser.parseInput(text, file.toUri().toString());
            checkImages(file, doc, findings);
            checkNesting(file, doc, findings);
          }
        } else if (name.endsWith(".svg")) {
          findings.addAll(
              References.inIcon(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      findings.add(
          Finding.error("io", "cannot read templates: " + e.getMessage())
              .at(templates.toString(), 0));
    }
    return findings;
  }

  private static void checkFonts(Path file, String text, Set<String> known, List<Finding> out) {
    Matcher m = FONT_FAMILY.matcher(text);
    while (m.find()) {
      for (String family : Arrays.stream(m.group(1).split(",")).map(String::strip).toList()) {
        String bare = family.replaceAll("^[\"']|[\"']$", "").strip();
        if (!bare.isEmpty() && !bare.equals("inherit") && !known.contains(bare)) {
          out.add(
              Finding.error(
                      "font-family",
                      "font family '"
                          + bare
                          + "' does not ship with the "
                          + "project: its text would be missing from the PDF")
                  .at(file.toString(), lineOf(text, m.start()))
                  .withFix("use one of " + known));
        }
      }
    }
  }

  private static void checkImages(Path file, Document doc, List<Finding> out) {
    for (Element img : doc.select("img")) {
      if (!img.hasAttr("alt") && !img.hasAttr("th:alt") && !img.hasAttr("np:alt")) {
        out.add(
            Finding.error("alt", "<img> without alt text")
                .at(file.toString(), img.sourceRange().start().lineNumber())
                .withFix(
                    "describe the picture in alt=\"…\", or write alt=\"\" if it is decoration"));
      }
    }
    for (Element svg : doc.select("svg")) {
      boolean decorative = "true".equals(svg.attr("aria-hidden"));
      boolean described =
          svg.hasAttr("aria-label") || svg.hasAttr("th:aria-label") || svg.hasAttr("np:label");
      if (!decorative && !described) {
        out.add(
            Finding.error("alt", "<svg> with neither a label nor aria-hidden=\"true\"")
                .at(file.toString(), svg.sourceRange().start().lineNumber())
                .withFix(
                    "add role=\"img\" aria-label=\"…\", or aria-hidden=\"true\" for decoration"));
      }
    }
  }

  /**
   * One finding at the first element nested deeper than {@link #MAX_NESTING}. The elements are
   * counted without recursing: the template can be as deep as the one it guards against.
   */
  private static void checkNesting(Path file, Document doc, List<Finding> out) {
    Element[] first = {null};
    int[] deepest = {0};
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof Element e) {
            deepest[0] = Math.max(deepest[0], depth);
            if (depth > MAX_NESTING && first[0] == null) {
              first[0] = e;
            }
          }
        },
        doc);
    if (first[0] != null) {
      out.add(
          Finding.error(
                  "nesting",
                  String.format(
                      Locale.ROOT,
                      "elements nest %,d deep, more than the %d allowed, from here on: the"
                          + " renderer lays boxes out one inside another and runs out of stack"
                          + " a few hundred levels down",
                      deepest[0],
                      MAX_NESTING))
              .at(file.toString(), first[0].sourceRange().start().lineNumber())
              .withFix("close the elements opened above; the shipped notices nest 7 deep"));
    }
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
