package org.noticepublisher.assemble;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.noticepublisher.Finding;
import org.noticepublisher.catalog.LinkTarget;

/**
 * References in templates and icons to anything outside the notice: a style sheet, image or font
 * fetched from another site or read from a file. The PDF renderer fetches nothing, so such a
 * reference would be missing from the PDF while the HTML twin kept it, and every reader's browser
 * would fetch it. Only embedded data ({@code data:} URIs) and local fragments ({@code #id}) are
 * allowed; links ({@code <a href>}) follow {@link LinkTarget}.
 */
final class References {
  static final String TEMPLATE = "template.reference";
  static final String ICON = "icon.reference";
  static final String LINK = "link.target";

  private static final Pattern CSS_URL =
      Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSS_IMPORT =
      Pattern.compile("@import\\s+(['\"])([^'\"]*)\\1", Pattern.CASE_INSENSITIVE);

  /** Attributes whose value the browser fetches (href too, except on links). */
  private static final Set<String> FETCHED =
      Set.of(
          "src",
          "srcset",
          "data",
          "poster",
          "background",
          "action",
          "formaction",
          "xlink:href",
          "th:src",
          "th:srcset",
          "th:data",
          "th:poster",
          "th:background",
          "th:action",
          "th:formaction");

  private static final String FIX =
      "embed it (a data: URI) or remove it: a notice refers to no " + "other site and no file";

  private References() {}

  /** Why a reference to {@code value} is refused, or empty when it is embedded or local. */
  static Optional<String> refused(String value) {
    String v = value.strip();
    if (v.startsWith("@{") && v.endsWith("}")) {
      v = v.substring(2, v.length() - 1).strip();
    }
    if (v.startsWith("'") && v.endsWith("'") && v.length() > 1) {
      v = v.substring(1, v.length() - 1);
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (v.isEmpty()
        || v.startsWith("#")
        || lower.startsWith("data:")
        || v.contains("${")
        || v.contains("*{")
        || v.contains("#{")
        || v.contains("__")) {
      // Embedded, local, or a template expression: expressions are checked once evaluated.
      return Optional.empty();
    }
    if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//")) {
      return Optional.of(
          "remote reference '"
              + v
              + "': readers' browsers would fetch it from "
              + "another site (the PDF leaves it out)");
    }
    if (lower.startsWith("file:")) {
      return Optional.of(
          "file: reference '"
              + v
              + "': it would read a file of the computer "
              + "showing the notice");
    }
    return Optional.of(
        "reference to '"
            + v
            + "', which is not embedded: rendering reads no "
            + "file, so the PDF would leave it out and the HTML twin would point at nothing");
  }

  /** Every refused reference of a template (HTML or CSS), with its line. */
  static List<Finding> inTemplate(String file, String text, boolean html) {
    Set<Finding> out = new LinkedHashSet<>();
    css(file, text, TEMPLATE, out);
    if (html) {
      Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(text, "");
      for (Element e : doc.getAllElements()) {
        attributes(e, file, e.sourceRange().start().lineNumber(), out);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Every external reference of an SVG icon: an icon may refer only to its own parts ({@code #id});
   * anything else makes the SVG library fail without saying which icon.
   */
  static List<Finding> inIcon(String file, String text) {
    Set<Finding> out = new LinkedHashSet<>();
    Document doc = Parser.xmlParser().setTrackPosition(true).parseInput(text, "");
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if ((name.equals("href") || name.endsWith(":href") || name.equals("src"))
            && !a.getValue().strip().startsWith("#")) {
          out.add(iconFinding(file, e.sourceRange().start().lineNumber(), a.getValue()));
        }
      }
    }
    Matcher m = CSS_URL.matcher(text);
    while (m.find()) {
      if (!m.group(2).strip().startsWith("#")) {
        out.add(iconFinding(file, lineOf(text, m.start()), m.group(2)));
      }
    }
    m = CSS_IMPORT.matcher(text);
    while (m.find()) {
      out.add(iconFinding(file, lineOf(text, m.start()), m.group(2)));
    }
    return new ArrayList<>(out);
  }

  private static Finding iconFinding(String file, int line, String value) {
    String name = file.substring(file.replace('\\', '/').lastIndexOf('/') + 1);
    return Finding.error(
            ICON,
            "icon "
                + name
                + " refers to '"
                + value.strip()
                + "' outside itself: icons may refer only to their own parts (#id)")
        .at(file, line)
        .withFix("draw the picture inside the SVG, or embed it as a data: URI");
  }

  /**
   * The assembled notice: what the templates' expressions produced, before anything is published.
   */
  static List<Finding> inDocument(Document doc, String template) {
    Set<Finding> out = new LinkedHashSet<>();
    for (Element style : doc.select("style")) {
      css(template, style.data(), TEMPLATE, out);
    }
    for (Element e : doc.getAllElements()) {
      attributes(e, template, 0, out);
      if (e.hasAttr("style")) {
        css(template, e.attr("style"), TEMPLATE, out);
      }
    }
    // An evaluated reference has no line of its own in the template: report it without one.
    List<Finding> list = new ArrayList<>();
    out.forEach(f -> list.add(f.at(template, 0)));
    return list;
  }

  private static void attributes(Element e, String file, int line, Set<Finding> out) {
    boolean link = e.normalName().equals("a") || e.normalName().equals("area");
    for (Attribute a : e.attributes()) {
      String name = a.getKey().toLowerCase(Locale.ROOT);
      String value = a.getValue();
      if (link && (name.equals("href") || name.equals("th:href"))) {
        String v = value.strip();
        boolean expression = v.contains("${") || v.contains("*{") || v.contains("#{");
        if (!v.startsWith("#")
            && !expression
            && LinkTarget.of(v.replaceAll("^@\\{'?|'?}$", "")) == LinkTarget.Verdict.REFUSED) {
          out.add(
              Finding.error(
                      LINK,
                      "link target '"
                          + LinkTarget.shown(v)
                          + "' is not allowed: "
                          + "a notice links only to "
                          + LinkTarget.ALLOWED)
                  .at(file, line)
                  .withFix("link to a full https: address, or to a part of the notice (#id)"));
        }
        continue;
      }
      boolean fetched =
          FETCHED.contains(name) || (!link && (name.equals("href") || name.equals("th:href")));
      if (!fetched) {
        continue;
      }
      List<String> values =
          name.endsWith("srcset")
              ? List.of(value.split(",")).stream().map(c -> c.strip().split("\\s+")[0]).toList()
              : List.of(value);
      for (String v : values) {
        refused(v)
            .ifPresent(why -> out.add(Finding.error(TEMPLATE, why).at(file, line).withFix(FIX)));
      }
    }
  }

  private static void css(String file, String text, String code, Set<Finding> out) {
    for (Pattern p : List.of(CSS_URL, CSS_IMPORT)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        int line = lineOf(text, m.start());
        refused(m.group(2))
            .ifPresent(why -> out.add(Finding.error(code, why).at(file, line).withFix(FIX)));
      }
    }
  }

  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
