package org.noticepublisher.verify;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.noticepublisher.Finding;
import org.noticepublisher.assemble.Notice;

/**
 * In a pseudo-locale every message is bracketed, so text outside brackets was not translated:
 * written into a template, or a message missing from the catalog. The only text allowed outside is
 * marked as source-language text on purpose ({@code lang="en-GB"}, the draft note's English line).
 */
public final class PseudoLocaleCheck {
  private static final String BLOCKS = "title, " + Notice.BLOCKS + ", div.running-footer";

  private PseudoLocaleCheck() {}

  public static List<Finding> check(Notice notice, String source) {
    List<Finding> findings = new ArrayList<>();
    var doc = Jsoup.parse(notice.html());
    for (Element block : doc.select(BLOCKS)) {
      if (!block.select(BLOCKS.replace(", ", ",")).stream().allMatch(e -> e == block)
          || block.closest("[lang=en-GB]") != null) {
        continue;
      }
      String outside = outsideBrackets(block.text());
      if (outside.codePoints().anyMatch(Character::isLetter)) {
        findings.add(
            Finding.error(
                    "pseudo.untranslated",
                    "text not from a bundle: '"
                        + outside.strip()
                        + "' in <"
                        + block.tagName()
                        + "> '"
                        + abbreviate(block.text())
                        + "'")
                .at(source, 0)
                .withFix("move the text into locales/en-GB.properties and show it with np:text"));
      }
    }
    return findings;
  }

  /** What is left of {@code text} once every balanced [ … ] is removed. */
  static String outsideBrackets(String text) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "…";
  }
}
