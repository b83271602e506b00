package org.noticepublisher.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.noticepublisher.Fixtures;
import org.noticepublisher.catalog.Messages;

/**
 * Every text colour in the style sheets meets WCAG AA (4.5:1) against its rule's background, or
 * white. The WCAG ratio compares luminance only, so colours that pass also stay apart when printed
 * in grey.
 */
class ColourContrastTest {
  private static final Pattern RULE = Pattern.compile("([^{}]*)\\{([^{}]*)}");
  private static final Pattern COLOUR =
      Pattern.compile("(?<![-\\w])color\\s*:\\s*(#[0-9a-fA-F]{6})");
  private static final Pattern BACKGROUND =
      Pattern.compile("background(?:-color)?\\s*:\\s*(#[0-9a-fA-F]{6})");

  @Test
  void everyTextColourHasAaContrast() throws IOException {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    List<Path> sheets;
    try (Stream<Path> files = Files.walk(Fixtures.PROJECT.resolve("templates"))) {
      sheets = files.filter(f -> f.toString().endsWith(".css")).toList();
    }
    for (Path sheet : sheets) {
      checked += check(sheet.getFileName().toString(), Files.readString(sheet), failures);
    }
    assertTrue(checked >= 5, "colours found: " + checked);
    assertEquals(List.of(), failures);
  }

  /** The page number is styled by the generated {@code @page} rules, not by a style sheet. */
  @Test
  void pageFooterColoursHaveAaContrast() {
    Messages messages =
        Fixtures.pipeline().catalog().messages("en-GB", "standard", Fixtures.pipeline().profile());
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Layout.PageSize size : Layout.PageSize.values()) {
      for (boolean rtl : new boolean[] {false, true}) {
        String css = PageStyle.css(new Layout(size, false), rtl, messages);
        checked += check("@page " + size + (rtl ? " rtl" : ""), css, failures);
      }
    }
    assertTrue(checked >= 6, "colours found in the @page rules: " + checked);
    assertEquals(List.of(), failures);
  }

  /** Checks every rule of {@code css} that sets a text colour; returns how many it checked. */
  private static int check(String where, String css, List<String> failures) {
    int checked = 0;
    Matcher rule = RULE.matcher(css);
    while (rule.find()) {
      Matcher fg = COLOUR.matcher(rule.group(2));
      if (fg.find()) {
        Matcher bg = BACKGROUND.matcher(rule.group(2));
        String background = bg.find() ? bg.group(1) : "#ffffff";
        double ratio = contrast(fg.group(1), background);
        checked++;
        if (ratio < 4.5) {
          failures.add(
              String.format(
                  Locale.ROOT,
                  "%s {%s}: %s on %s is %.2f:1",
                  where,
                  rule.group(1).strip(),
                  fg.group(1),
                  background,
                  ratio));
        }
      }
    }
    return checked;
  }

  @Test
  void ratioFollowsWcag() {
    assertEquals(21.0, contrast("#000000", "#ffffff"), 0.01);
    assertEquals(4.54, contrast("#767676", "#ffffff"), 0.01);
  }

  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
