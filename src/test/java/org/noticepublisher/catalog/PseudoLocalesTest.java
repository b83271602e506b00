package org.noticepublisher.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;
import org.noticepublisher.catalog.internal.PseudoLocalisation;

/** The pseudo-locales are generated, bracketed, keep ICU syntax, and expose hard-coded text. */
class PseudoLocalesTest {

  @Test
  void accentedPseudoLocaleIsBracketedAccentedAndLonger() {
    Map<String, String> out =
        PseudoLocalisation.translate(
            Map.of("k", "Your rights and access to information"), PseudoLocalisation.ACCENTED);
    String text = out.get("k");
    assertTrue(text.startsWith("[Ýöûŕ ŕîĝĥţš"), text);
    assertTrue(text.endsWith("]"), text);
    assertTrue(text.length() >= "Your rights and access to information".length() * 1.35, text);
  }

  @Test
  void icuSyntaxSurvivesPseudoTranslation() {
    String pattern =
        "{organisation} has {count, plural, one {# notice} other {# notices}} " + "in {link_x}.";
    for (String locale : new String[] {"en-XA", "ar-XB"}) {
      String pseudo = PseudoLocalisation.translate(Map.of("k", pattern), locale).get("k");
      String formatted =
          new MessageFormat(pseudo, ULocale.ENGLISH)
              .format(Map.of("organisation", "Org", "count", 2, "link_x", "LINK"));
      assertTrue(
          formatted.contains("Org") && formatted.contains("2") && formatted.contains("LINK"),
          locale + ": " + formatted);
      assertTrue(!formatted.contains("{"), locale + ": arguments filled: " + formatted);
    }
  }

  @Test
  void pseudoLocalesAreGeneratedNotFiles() {
    Catalog catalog = Fixtures.pipeline().catalog();
    assertTrue(catalog.bundle("en-XA").orElseThrow().generated());
    assertTrue(catalog.bundle("ar-XB").orElseThrow().generated());
    assertEquals(Bundle.ReviewStatus.DRAFT, catalog.bundle("en-XA").orElseThrow().status());
  }

  @Test
  void hardCodedTemplateTextFailsThePseudoLocaleRender(@TempDir Path dir) {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(
        project.resolve("templates/sections/retention.html"),
        "<section th:fragment=\"section\" th:replace=\"~{blocks :: prose('retention')}\"></section>",
        "<section th:fragment=\"section\"><h2>Retention</h2><p>Kept for six years.</p></section>");
    Cli r =
        Cli.run(
            "render",
            "-v",
            "standard",
            "-l",
            "en-XA,en-GB",
            "-p",
            project.toString(),
            "-o",
            dir.resolve("out").toString());
    assertEquals(1, r.code(), r.printed());
    assertTrue(
        r.out()
            .contains("[pseudo.untranslated] text not from a bundle: " + "'Kept for six years.'"),
        r.out());
  }
}
