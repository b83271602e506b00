package org.noticepublisher.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;

/** Fallback chains, fallback reporting and review status, with bundles a test writes. */
class CatalogTest {

  @Test
  void fallbackChainRunsFromRegionToLanguageToSource(@TempDir Path dir) throws Exception {
    Path locales = Fixtures.copyOfProject(dir).resolve("locales");
    Files.writeString(
        locales.resolve("pt.properties"),
        "bundle.status = draft\nstandard.title = O nosso aviso de privacidade\n"
            + "intro.p.2 = {organisation} está registada na ICO.\n");
    Files.writeString(
        locales.resolve("pt-BR.properties"),
        "bundle.status = draft\nstandard.title = Nosso aviso de privacidade\n");
    Catalog catalog = Catalog.load(locales);
    assertEquals(
        List.of("pt-BR", "pt", "en-GB"),
        catalog.fallbackChain("pt-BR").stream().map(Bundle::locale).toList());

    Messages m =
        catalog.messages(
            "pt-BR",
            "standard",
            OrganisationProfile.load(dir.resolve("templates/organisation.properties")));
    assertEquals("Nosso aviso de privacidade", m.text("standard.title"));
    assertEquals("Achieving for Children está registada na ICO.", m.text("intro.p.2"));
    assertEquals("Personal data we collect", m.text("collect.heading"));
    assertEquals(
        Map.of("intro.p.2", "pt", "collect.heading", "en-GB"),
        m.fallbacks(),
        "every fallback is reported with the locale that served it");
  }

  @Test
  void untranslatedMessagesAreReportedWhenRendering(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path pl = project.resolve("locales/pl.properties");
    String text = Files.readString(pl);
    Files.writeString(pl, text.replaceAll("(?m)^security\\.heading = .*\\n", ""));
    Cli r =
        Cli.run(
            "render",
            "-v",
            "standard",
            "-l",
            "pl",
            "-p",
            project.toString(),
            "-o",
            dir.resolve("out").toString());
    assertEquals(0, r.code(), r.printed());
    assertTrue(
        r.out().contains("1 messages not translated, shown from [en-GB]: " + "security.heading"),
        r.out());
    String manifest = Files.readString(dir.resolve("out/manifest.json"));
    assertTrue(manifest.contains("\"security.heading\" : \"en-GB\""), manifest);
  }

  @Test
  void draftTranslationsSaySoInTheirLanguageAndInEnglish() {
    var pl = Jsoup.parse(Fixtures.produced("standard", "pl").notice().orElseThrow().html());
    assertEquals(
        "To tłumaczenie jest wersją roboczą: nie zostało jeszcze sprawdzone przez "
            + "weryfikatora.",
        pl.selectFirst(".draft-note p").text());
    assertEquals(
        "This translation is a draft: it has not yet been checked by a reviewer.",
        pl.selectFirst(".draft-note p[lang=en-GB]").text());
    var en = Jsoup.parse(Fixtures.produced("standard", "en-GB").notice().orElseThrow().html());
    assertTrue(en.select(".draft-note").isEmpty(), "the reviewed source has no draft note");
  }

  @Test
  void embeddedEnglishIsMarkedAndIsolatedInRightToLeftText() {
    var ar = Jsoup.parse(Fixtures.produced("standard", "ar").notice().orElseThrow().html());
    var name = ar.selectFirst("span[lang=en-GB]");
    assertEquals(
        "\u2066Achieving for Children\u2069",
        name.wholeText(),
        "the English name is marked English and isolated left to right");
    var ico = ar.select("a[href^=https://ico.org.uk]").first();
    assertEquals("\u2066ico.org.uk/make-a-complaint/\u2069", ico.wholeText());
  }
}
