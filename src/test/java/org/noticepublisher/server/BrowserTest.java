package org.noticepublisher.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in real headless Chromium: every page passes axe-core (WCAG 2.0/2.1/2.2 A and AA)
 * with no violations, reflows at 400% zoom, and the translator-to-editor flow of issue 8 works by
 * clicking. Screenshots land in target/screenshots/ for people to look at.
 */
class BrowserTest {
  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21aa", "wcag22aa");
  private static final Path SHOTS = Paths.get("target", "screenshots");
  @TempDir static Path temp;
  private static Service service;
  private static Playwright playwright;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    service = Service.start(temp, true, 2, 4);
    Files.createDirectories(SHOTS);
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true));
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      try {
        if (playwright != null) {
          playwright.close();
        }
      } finally {
        service.close();
      }
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + service.server.port() + path;
  }

  private static Page signIn(BrowserContext context, String name) {
    // A cold render with veraPDF's start-up takes tens of seconds on two busy cores.
    context.setDefaultTimeout(180_000);
    context.setDefaultNavigationTimeout(180_000);
    Page page = context.newPage();
    page.navigate(url("/signin"));
    page.getByLabel("Name").fill(name);
    page.getByLabel("Password").fill(name + "-password");
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    page.waitForURL(url("/"));
    return page;
  }

  /** axe-core on the page as it is: no violations of the WCAG A/AA rules, and a screenshot. */
  private static void accessible(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
    List<Rule> violations = results.getViolations();
    assertTrue(
        violations.isEmpty(),
        name
            + " ("
            + page.url()
            + "): "
            + violations.stream()
                .map(
                    v ->
                        v.getId()
                            + ": "
                            + v.getHelp()
                            + " at "
                            + v.getNodes().stream()
                                .map(n -> n.getTarget().toString())
                                .limit(3)
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
  }

  /** At 400% zoom (1280 px / 4) nothing but data tables scrolls sideways. */
  private static void reflows(Page page, String name) {
    page.setViewportSize(320, 256);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-320px.png")));
    Object overflow =
        page.evaluate(
            "() => document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth");
    Object culprits =
        page.evaluate(
            "() => [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth"
                + " && !e.closest('.scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className"
                + " + ' ' + (e.textContent || '').slice(0, 40)).join(' | ')");
    assertEquals(
        0, ((Number) overflow).intValue(), name + " scrolls sideways at 320 px: " + culprits);
    page.setViewportSize(1280, 900);
  }

  @Test
  void everyPageIsAccessible() throws Exception {
    try (BrowserContext signedOut = browser.newContext()) {
      Page page = signedOut.newPage();
      page.navigate(url("/signin"));
      accessible(page, "signin");
      reflows(page, "signin");
    }
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = signIn(context, "erin");
      accessible(page, "dashboard");
      reflows(page, "dashboard");
      page.navigate(url("/notices/children-and-young-people/ar"));
      accessible(page, "notice-ar");
      reflows(page, "notice-ar");
      page.navigate(url("/notices/consultation/ko"));
      accessible(page, "notice-ko");
      reflows(page, "notice-ko");
      page.navigate(url("/translate"));
      accessible(page, "translate-index");
      page.navigate(url("/translate/uk"));
      accessible(page, "workspace-uk");
      reflows(page, "workspace-uk");
      page.locator("#text")
          .fill(
              page.locator("#text")
                  .inputValue()
                  .replaceFirst("(?m)^(standard\\.title\\s*=.*)$", "$1 {"));
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Check").setExact(true))
          .click();
      accessible(page, "workspace-uk-findings");
      page.navigate(url("/publish"));
      accessible(page, "publish");
      page.navigate(url("/print"));
      accessible(page, "print");
      reflows(page, "print");
      page.navigate(url("/no/such/page"));
      accessible(page, "not-found");
      page.navigate(url("/publish"));
      page.getByLabel("standard, English (United Kingdom) (en-GB)").check();
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Publish the chosen notices"))
          .click();
      page.waitForSelector("text=Finished", new Page.WaitForSelectorOptions().setTimeout(180_000));
      accessible(page, "publication");
      page.navigate(url("/output/index.html"));
      accessible(page, "output-index");
    }
  }

  @Test
  void theInternalErrorPageIsAccessible(@TempDir Path elsewhere) throws Exception {
    try (Service broken = Service.start(elsewhere, false, 1, 1);
        BrowserContext context = browser.newContext()) {
      NoticeServerTest.makeRendersThrow(broken);
      context.setDefaultTimeout(180_000);
      context.setDefaultNavigationTimeout(180_000);
      Page page = context.newPage();
      page.navigate("http://127.0.0.1:" + broken.server.port() + "/signin");
      page.getByLabel("Name").fill("vera");
      page.getByLabel("Password").fill("vera-password");
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Sign in"))
          .click();
      page.waitForURL("http://127.0.0.1:" + broken.server.port() + "/");
      var answer =
          page.navigate("http://127.0.0.1:" + broken.server.port() + "/notices/standard/en-GB");
      assertEquals(500, answer.status());
      assertEquals("Something went wrong", page.locator("h1").innerText());
      accessible(page, "internal-error");
      reflows(page, "internal-error");
    }
  }

  @Test
  void translatorFixesAndSavesThenEditorReviewsPublishesAndDownloads() throws Exception {
    String original = Files.readString(service.project.resolve("locales/pl.properties"));
    String broken = original.replaceFirst("(?m)^(standard\\.title\\s*=.*)$", "$1 {organisation");
    int line =
        List.of(broken.split("\n", -1))
                .indexOf(
                    broken
                        .lines()
                        .filter(l -> l.endsWith("{organisation"))
                        .findFirst()
                        .orElseThrow())
            + 1;
    try (BrowserContext context = browser.newContext()) {
      Page page = signIn(context, "tomasz");
      page.navigate(url("/translate/pl"));
      page.locator("#bundle")
          .setInputFiles(
              new FilePayload(
                  "pl.properties", "text/plain", broken.getBytes(StandardCharsets.UTF_8)));
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Check the file"))
          .click();
      String findings = page.locator("table.findings").innerText();
      assertTrue(findings.contains("locales/pl.properties:" + line), findings);
      assertTrue(page.locator("[role=alert]").first().innerText().contains("error"));
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SHOTS.resolve("flow-1-finding.png"))
              .setFullPage(true));

      String fixed = original.replaceFirst("(?m)^(standard\\.title\\s*=.*)$", "$1 — wersja próbna");
      page.locator("#text").fill(fixed);
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Check").setExact(true))
          .click();
      String preview =
          page.frameLocator("iframe[title='Preview of standard']").locator("h1").innerText();
      assertTrue(preview.contains("wersja próbna"), preview);
      page.locator("iframe.preview").first().scrollIntoViewIfNeeded();
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("flow-2-preview.png")));
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Save as draft"))
          .click();
      String flash = page.locator(".flash").innerText();
      assertTrue(flash.contains("committed"), flash);
      assertTrue(
          Files.readString(service.project.resolve("locales/pl.properties"))
              .contains("wersja próbna"));
    }
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true))) {
      Page page = signIn(context, "erin");
      page.navigate(url("/translate/pl"));
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Mark reviewed"))
          .click();
      assertTrue(page.locator(".flash").innerText().contains("marked reviewed"));
      page.navigate(url("/publish"));
      page.getByLabel("standard, Polski (pl)").check();
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Publish the chosen notices"))
          .click();
      page.waitForSelector("text=Finished", new Page.WaitForSelectorOptions().setTimeout(180_000));
      assertTrue(
          page.locator("#status").innerText().contains("1 of 1 published"),
          page.locator("main").innerText());
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SHOTS.resolve("flow-3-published.png"))
              .setFullPage(true));
      page.navigate(url("/notices/standard/pl"));
      Download download = page.waitForDownload(() -> page.getByText("Download the PDF").click());
      byte[] pdf = Files.readAllBytes(download.path());
      assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.ISO_8859_1));
      assertEquals("standard.pl.pdf", download.suggestedFilename());
      try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        assertTrue(text.contains("wersja próbna"), "the saved words are in the PDF");
      }
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SHOTS.resolve("flow-4-notice.png"))
              .setFullPage(true));
    }
  }
}
