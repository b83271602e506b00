package org.noticepublisher.assemble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.noticepublisher.Finding;

/**
 * Checks the template files themselves, where a problem can still be pinned to a file and line:
 * images need a text alternative, style sheets may name only the font families that ship with the
 * project (openhtmltopdf silently drops text set in an unknown family), and neither templates nor
 * icons may refer to other sites or files ({@link References}).
 */
public final class TemplateLint {
  private static final Pattern FONT_FAMILY = Pattern.compile("font-family\\s*:\\s*([^;}]+)");

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
            checkImages(file, text, findings);
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

  private static void checkImages(Path file, String text, List<Finding> out) {
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document doc = parser.parseInput(text, file.toUri().toString());
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
