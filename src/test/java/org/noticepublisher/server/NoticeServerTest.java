package org.noticepublisher.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Fixtures;

/** The service over HTTP on a loopback port, route by route and role by role. */
class NoticeServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path temp;
  private static Service service;

  @BeforeAll
  static void start() {
    service = Service.start(temp, true, 2, 4);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static String text(HttpResponse<byte[]> r) {
    return WebClient.text(r);
  }

  private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
    return JSON.readTree(r.body());
  }

  private static String polish() throws Exception {
    return Files.readString(service.project.resolve("locales/pl.properties"));
  }

  @Test
  void healthAnswersWithoutSignIn() throws Exception {
    HttpResponse<byte[]> r = service.client().get("/health");
    assertEquals(200, r.statusCode());
    assertEquals("ok", json(r).path("status").asText(), text(r));
    assertTrue(json(r).path("versioned").asBoolean());
  }

  @Test
  void strangersAreSentToSignIn() throws Exception {
    WebClient c = service.client();
    HttpResponse<byte[]> page = c.get("/translate/pl");
    assertEquals(302, page.statusCode());
    assertEquals(
        "/signin?next=%2Ftranslate%2Fpl", page.headers().firstValue("Location").orElse(""));
    assertEquals(401, c.get("/api/dashboard").statusCode());
    assertEquals(302, c.get("/notices/standard/en-GB.pdf").statusCode());
    assertEquals(
        403,
        c.postRaw("/api/translate/pl/check", Map.of("text", "a = b")).statusCode(),
        "no session, so no form token: refused");
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
    WebClient c = service.client();
    c.get("/signin");
    HttpResponse<byte[]> r =
        c.post(
            "/signin", Map.of("name", "vera", "password", "vera-password", "next", "/translate"));
    assertEquals(303, r.statusCode(), text(r));
    assertEquals("/translate", r.headers().firstValue("Location").orElse(""));
    String cookie = r.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertFalse(cookie.contains("Secure"), "plain HTTP on loopback: " + cookie);
  }

  @Test
  void signInRedirectsOnlyWithinTheService() throws Exception {
    for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil")) {
      WebClient c = service.client();
      c.get("/signin");
      HttpResponse<byte[]> r =
          c.post("/signin", Map.of("name", "vera", "password", "vera-password", "next", next));
      assertEquals("/", r.headers().firstValue("Location").orElse(""), next);
    }
  }

  @Test
  void wrongPasswordsAreLimited(@TempDir Path elsewhere) throws Exception {
    try (Service own = Service.start(elsewhere, false, 1, 1)) {
      wrongPasswordsAreLimited(own.client());
    }
  }

  private static void wrongPasswordsAreLimited(WebClient c) throws Exception {
    for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
      HttpResponse<byte[]> r = c.signIn("erin", "wrong-" + i);
      assertEquals(401, r.statusCode());
      assertTrue(text(r).contains("The name or password is wrong"), text(r));
    }
    HttpResponse<byte[]> blocked = c.signIn("erin", "erin-password");
    assertEquals(429, blocked.statusCode(), "the right password after five wrong ones");
    assertTrue(text(blocked).contains("paused for 15 minutes"), text(blocked));
  }

  @Test
  void dashboardShowsTheGridAndOpenFacts() throws Exception {
    WebClient vera = service.signedIn("vera");
    HttpResponse<byte[]> page = vera.get("/");
    assertEquals(200, page.statusCode());
    String html = text(page);
    assertTrue(html.contains("href=\"/notices/children-and-young-people/ar\""), html);
    assertTrue(html.contains("lang=\"pl\" dir=\"ltr\">Polski</span>"), html);
    assertTrue(html.contains("lang=\"ar\" dir=\"rtl\">العربية</span>"), html);
    assertTrue(html.contains("dpo.email"), "open facts of the profile: " + html);
    JsonNode api = json(vera.get("/api/dashboard"));
    assertEquals(3, api.path("variants").size());
    assertEquals(
        Fixtures.pipeline().catalog().locales().size(),
        api.path("locales").size(),
        "a row for every locale the catalog has");
    assertTrue(api.path("openFacts").size() > 0);
    assertEquals("draft", api.path("locales").get(1).path("review").asText());
  }

  @Test
  void noticePageAndItsFiles() throws Exception {
    WebClient vera = service.signedIn("vera");
    HttpResponse<byte[]> page = vera.get("/notices/standard/en-GB");
    assertEquals(200, page.statusCode(), text(page));
    assertTrue(text(page).contains("Open the PDF"), text(page));
    assertTrue(text(page).contains("Initial sources"), "history from git: " + text(page));
    HttpResponse<byte[]> pdf = vera.get("/notices/standard/en-GB.pdf?download=1");
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1));
    assertEquals(
        "attachment; filename=\"standard.en-GB.pdf\"",
        pdf.headers().firstValue("Content-Disposition").orElse(""));
    HttpResponse<byte[]> inline = vera.get("/notices/standard/en-GB.pdf");
    assertTrue(inline.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"));
    assertTrue(text(vera.get("/notices/standard/en-GB.html")).contains("lang=\"en-GB\""));
    JsonNode report = json(vera.get("/api/notices/standard/en-GB"));
    assertTrue(report.path("publishable").asBoolean(), report.toString());
    assertTrue(report.path("readability").path("readingEase").isNumber());
    assertEquals(
        "passes",
        json(vera.get("/api/dashboard"))
            .path("locales")
            .get(0)
            .path("cells")
            .get(0)
            .path("verdict")
            .asText(),
        "the dashboard shows the cached verdict");
    HttpResponse<byte[]> ua2 = vera.get("/notices/consultation/ko.pdf?standard=ua2&download=1");
    assertEquals(200, ua2.statusCode(), text(ua2));
    assertEquals(
        "%PDF-2.0",
        new String(ua2.body(), 0, 8, StandardCharsets.ISO_8859_1), "PDF/UA-2 needs PDF 2.0");
    assertEquals(
        "attachment; filename=\"consultation.ko.ua2.pdf\"",
        ua2.headers().firstValue("Content-Disposition").orElse(""));
    HttpResponse<byte[]> head = vera.head("/notices/standard/en-GB.pdf");
    assertEquals(200, head.statusCode());
    assertEquals(0, head.body().length);
  }

  @Test
  void unknownNoticesLayoutsAndPagesAreRefused() throws Exception {
    WebClient vera = service.signedIn("vera");
    HttpResponse<byte[]> r = vera.get("/notices/leaflet/en-GB");
    assertEquals(404, r.statusCode());
    assertTrue(text(r).contains("unknown variant"), text(r));
    assertEquals(400, vera.get("/notices/standard/en-GB?layout=a3").statusCode());
    HttpResponse<byte[]> standard = vera.get("/notices/standard/en-GB.pdf?standard=ua3");
    assertEquals(400, standard.statusCode());
    assertTrue(text(standard).contains("choose ua1 or ua2"), text(standard));
    HttpResponse<byte[]> missing = vera.get("/admin");
    assertEquals(404, missing.statusCode());
    assertTrue(text(missing).contains("There is no page at this address"), text(missing));
  }

  @Test
  void traversalFindsNothing() throws Exception {
    WebClient vera = service.signedIn("vera");
    for (String path :
        List.of(
            "/output/../users.json",
            "/output/%2e%2e/users.json",
            "/output/..%2fusers.json",
            "/output/%2e%2e%2f%2e%2e%2fproject/locales/pl.properties",
            "/translate/..%2f..%2fusers",
            "/notices/standard/..%2f..%2fusers.json")) {
      HttpResponse<byte[]> r = vera.get(path);
      assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " → " + r.statusCode());
      assertFalse(text(r).contains("$2a$"), path + " leaked the users file");
    }
  }

  @Test
  void postsWithoutTheFormTokenFail() throws Exception {
    WebClient tomasz = service.signedIn("tomasz");
    String before = polish();
    HttpResponse<byte[]> r = tomasz.postRaw("/translate/pl/save", Map.of("text", before + "\n"));
    assertEquals(403, r.statusCode());
    assertTrue(text(r).contains("did not come from this service"), text(r));
    HttpResponse<byte[]> wrong =
        tomasz.postRaw("/translate/pl/save", Map.of("text", before, "csrf", "forged"));
    assertEquals(403, wrong.statusCode());
    assertEquals(before, polish());
  }

  @Test
  void viewerCannotSaveOrPublish() throws Exception {
    WebClient vera = service.signedIn("vera");
    String before = polish();
    assertEquals(403, vera.post("/translate/pl/save", Map.of("text", before)).statusCode());
    assertEquals(403, vera.post("/translate/pl/review", Map.of()).statusCode());
    assertEquals(403, vera.post("/publish", Map.of("all", "1")).statusCode());
    assertEquals(before, polish());
  }

  @Test
  void translatorChecksThenSavesTheirLocaleOnly() throws Exception {
    WebClient tomasz = service.signedIn("tomasz");
    String original = polish();
    String broken = original.replaceFirst("(?m)^(standard\\.title\\s*=.*)$", "$1 {oops");
    int line = lineOf(broken, "{oops");
    HttpResponse<byte[]> check = tomasz.post("/translate/pl/check", Map.of("text", broken));
    assertEquals(422, check.statusCode());
    assertTrue(text(check).contains("locales/pl.properties:" + line), text(check));
    assertEquals(original, polish(), "a check writes nothing");

    HttpResponse<byte[]> refused = tomasz.post("/translate/pl/save", Map.of("text", broken));
    assertEquals(422, refused.statusCode());
    assertEquals(original, polish());

    String fixed = original.replaceFirst("(?m)^(standard\\.title\\s*=.*)$", "$1 (nowe słowa)");
    HttpResponse<byte[]> ok = tomasz.post("/translate/pl/check", Map.of("text", fixed));
    assertEquals(200, ok.statusCode(), text(ok));
    assertTrue(text(ok).contains("nowe słowa"), "the preview shows the new words");
    HttpResponse<byte[]> saved = tomasz.post("/translate/pl/save", Map.of("text", fixed));
    assertEquals(303, saved.statusCode(), text(saved));
    assertTrue(polish().contains("(nowe słowa)"));
    assertTrue(polish().contains("bundle.status = draft"));
    try (Git git = Git.open(service.project.toFile())) {
      RevCommit last = git.log().setMaxCount(1).call().iterator().next();
      assertEquals("tomasz", last.getAuthorIdent().getName());
      assertTrue(last.getFullMessage().contains("locales/pl.properties"), last.getFullMessage());
    }
    HttpResponse<byte[]> other = tomasz.post("/translate/uk/save", Map.of("text", "x = y\n"));
    assertEquals(403, other.statusCode(), "pl only");
    assertEquals(404, tomasz.get("/translate/en-XA").statusCode(), "pseudo-locales are generated");
  }

  /** ICU parses nested arguments recursively: this check ended in a 500 (StackOverflowError). */
  @Test
  void aMessageNestedThousandsDeepIsRefusedWithItsLine() throws Exception {
    WebClient tomasz = service.signedIn("tomasz");
    String original = polish();
    String deep = "{a, select, other {".repeat(5000) + "x" + "}}".repeat(5000);
    String text = original + "intro.deep = " + deep + "\n";
    int line = lineOf(text, "intro.deep");
    HttpResponse<byte[]> check =
        tomasz.upload(
            "/translate/pl/check", "pl.properties", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, check.statusCode(), text(check));
    assertTrue(text(check).contains("locales/pl.properties:" + line), text(check));
    assertTrue(text(check).contains("it has 10,000 { braces"), text(check));
    assertEquals(original, polish(), "a check writes nothing");
  }

  @Test
  void uploadsMustBeUtf8AndSmall() throws Exception {
    WebClient tomasz = service.signedIn("tomasz");
    tomasz.get("/translate/pl");
    byte[] latin1 =
        "bundle.status = draft\nstandard.title = Zażółć\n".getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<byte[]> r = tomasz.upload("/translate/pl/check", "../../etc/passwd", latin1);
    assertEquals(422, r.statusCode(), text(r));
    assertTrue(text(r).contains("not UTF-8"), text(r));
    assertTrue(text(r).contains("locales/pl.properties:2"), text(r));
    byte[] huge = new byte[600 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    // Again and again: the refusal must arrive whole however the sending and the answer interleave.
    for (int i = 0; i < 20; i++) {
      HttpResponse<byte[]> big = tomasz.upload("/translate/pl/check", "pl.properties", huge);
      assertEquals(413, big.statusCode(), text(big));
      assertTrue(text(big).contains("too large"), text(big));
    }
  }

  @Test
  void markupInBundlesIsShownAsText() throws Exception {
    WebClient tomasz = service.signedIn("tomasz");
    String text =
        polish().replaceFirst("(?m)^(standard\\.title\\s*=.*)$", "$1 <script>alert(1)</script>");
    HttpResponse<byte[]> r = tomasz.post("/api/translate/pl/check", Map.of("text", text));
    JsonNode result = json(r);
    assertTrue(result.path("findings").toString().contains("looks like markup"), result.toString());
    String preview = result.path("previews").get(0).path("html").asText();
    assertFalse(preview.contains("<script>"), "escaped in the preview");
    assertTrue(preview.contains("&lt;script&gt;"), preview.substring(0, 300));
  }

  @Test
  void editorMarksReviewedAndPublishes() throws Exception {
    WebClient erin = service.signedIn("erin");
    HttpResponse<byte[]> reviewed = erin.post("/translate/ro/review", Map.of());
    assertEquals(303, reviewed.statusCode(), text(reviewed));
    assertTrue(
        Files.readString(service.project.resolve("locales/ro.properties"))
            .contains("bundle.status = reviewed"));
    erin.get("/publish");
    HttpResponse<byte[]> started = erin.post("/publish", Map.of("notice", "standard/en-GB"));
    assertEquals(303, started.statusCode(), text(started));
    String job = started.headers().firstValue("Location").orElseThrow();
    JsonNode state = null;
    for (int i = 0; i < 600; i++) {
      state = json(erin.get("/api" + job));
      if (!state.path("state").asText().equals("running")) {
        break;
      }
      Thread.sleep(200);
    }
    assertEquals("done", state.path("state").asText(), state.toString());
    assertEquals(1, state.path("published").asInt());
    Path pdf = service.output.resolve("standard/en-GB/standard.en-GB.pdf");
    assertTrue(Files.isRegularFile(pdf));
    assertTrue(
        Files.readString(service.output.resolve("manifest.json"))
            .contains("standard/en-GB/standard.en-GB.pdf"));
    HttpResponse<byte[]> page = erin.get(job);
    assertTrue(text(page).contains("1 of 1 published"), text(page));
    HttpResponse<byte[]> download = erin.get("/output/standard/en-GB/standard.en-GB.pdf");
    assertEquals(200, download.statusCode());
    assertEquals("%PDF", new String(download.body(), 0, 4, StandardCharsets.ISO_8859_1));

    assertEquals("no", publishedCell(erin).path("changed").asText());
    Path css = service.project.resolve("templates/notice.css");
    String before = Files.readString(css);
    Files.writeString(css, before + "\n/* a later edit */\n");
    try {
      JsonNode cell = publishedCell(erin);
      assertEquals("yes", cell.path("changed").asText(), cell.toString());
      assertTrue(text(erin.get("/")).contains("changed since publishing"));
    } finally {
      Files.writeString(css, before);
    }
    assertEquals("no", publishedCell(erin).path("changed").asText(), "the same sources again");
  }

  @Test
  void aNoticeThatFailsVerificationIsNotPublished() throws Exception {
    Path bundle = service.project.resolve("locales/uk.properties");
    String before = Files.readString(bundle);
    // Cherokee: no shipped font has these letters, so the glyph check fails the notice.
    Files.writeString(bundle, before.replaceFirst("(?m)^(consultation\\.title\\s*=.*)$", "$1 ᏣᎳᎩ"));
    try {
      WebClient erin = service.signedIn("erin");
      HttpResponse<byte[]> started = erin.post("/publish", Map.of("notice", "consultation/uk"));
      String job = started.headers().firstValue("Location").orElseThrow();
      JsonNode state = json(erin.get("/api" + job));
      for (int i = 0; i < 600 && state.path("state").asText().equals("running"); i++) {
        Thread.sleep(200);
        state = json(erin.get("/api" + job));
      }
      assertEquals("done", state.path("state").asText(), state.toString());
      assertEquals(0, state.path("published").asInt(), state.toString());
      assertFalse(state.path("steps").get(0).path("passed").asBoolean());
      assertTrue(
          state.path("steps").get(0).path("detail").asText().contains("error"), state.toString());
      assertFalse(Files.exists(service.output.resolve("consultation/uk")), "nothing written");
      HttpResponse<byte[]> refused = erin.get("/notices/consultation/uk.pdf");
      assertEquals(422, refused.statusCode());
      JsonNode cell = json(erin.get("/api/dashboard")).path("locales");
      String verdicts = cell.toString();
      assertTrue(verdicts.contains("\"verdict\":\"fails\""), "the dashboard shows it failing");
      // Rendered from the job's copy of the sources, shown as the project's own file.
      String detail = state.path("steps").get(0).path("detail").asText();
      assertTrue(detail.startsWith("locales/uk.properties:"), detail);
      assertTrue(verdicts.contains("\"firstFinding\":\"locales/uk.properties:"), verdicts);
      assertFalse(verdicts.contains("np-sources-"), "no copy's path: " + verdicts);
    } finally {
      Files.writeString(bundle, before);
    }
  }

  @Test
  void theDashboardShowsStaleTranslations(@TempDir Path elsewhere) throws Exception {
    try (Service own = Service.start(elsewhere, false, 1, 1)) {
      Path basis = own.project.resolve("locales/uk.basis.properties");
      String text = Files.readString(basis);
      // The uk translation of intro.p.1 was made from other English than en-GB has now.
      Files.writeString(
          basis,
          text.replaceFirst("(?m)^intro\\.p\\.1 = This privacy notice", "intro.p.1 = This notice"));
      WebClient vera = own.signedIn("vera");
      JsonNode uk = null;
      for (JsonNode row : json(vera.get("/api/dashboard")).path("locales")) {
        if (row.path("locale").asText().equals("uk")) {
          uk = row;
        }
      }
      assertEquals(1, uk.path("stale").asInt(), uk.toString());
      assertTrue(text(vera.get("/")).contains("1 stale (English changed since translated)"));
    }
  }

  @Test
  void onlyEditorsStartACheckOfEveryNotice(@TempDir Path elsewhere) throws Exception {
    assertEquals(403, service.signedIn("vera").post("/check", Map.of()).statusCode());
    assertEquals(403, service.signedIn("tomasz").post("/check", Map.of()).statusCode());
    try (Service own = Service.start(elsewhere, false, 1, 1)) {
      WebClient erin = own.signedIn("erin");
      HttpResponse<byte[]> started = erin.post("/check", Map.of());
      assertEquals(303, started.statusCode(), text(started));
      JsonNode job =
          json(erin.get("/api" + started.headers().firstValue("Location").orElseThrow()));
      assertEquals("check", job.path("kind").asText());
      assertEquals(
          Fixtures.pipeline().matrix(List.of(), List.of()).size(),
          job.path("total").asInt(),
          "every variant in every locale");
      assertFalse(Files.exists(own.output.resolve("manifest.json")), "a check writes nothing");
    }
  }

  @Test
  void theJsonCheckTakesTheTokenInAHeader() throws Exception {
    WebClient tomasz = service.signedIn("tomasz");
    String broken = polish().replaceFirst("(?m)^(standard\\.title\\s*=.*)$", "$1 {");
    assertEquals(403, tomasz.postText("/api/translate/pl/check", broken, null).statusCode());
    HttpResponse<byte[]> r = tomasz.postText("/api/translate/pl/check", broken, tomasz.csrf);
    assertEquals(422, r.statusCode(), text(r));
    JsonNode finding = json(r).path("findings").get(0);
    assertEquals("error", finding.path("severity").asText());
    assertEquals("standard.title", finding.path("code").asText());
    assertEquals("locales/pl.properties", finding.path("source").asText());
    assertEquals(lineOf(broken, "standard.title ="), finding.path("line").asInt());
  }

  @Test
  void anXliffFileFromACatToolIsCheckedAndPreviewedLikeABundle() throws Exception {
    WebClient tomasz = service.signedIn("tomasz");
    String xliff =
        new org.noticepublisher.xliff.XliffExport(
                Fixtures.pipeline().catalog(), Fixtures.pipeline().profile(), Map.of())
            .export("pl");
    String edited = xliff.replace("Dane osobowe – czym są?", "Czym są dane osobowe?");
    assertTrue(!edited.equals(xliff), "the export holds the heading");
    HttpResponse<byte[]> r = tomasz.postText("/api/translate/pl/check", edited, tomasz.csrf);
    assertEquals(200, r.statusCode(), text(r));
    assertTrue(text(r).contains("Czym są dane osobowe?"), "the preview shows the new words");

    String broken = edited.replaceAll("<ph [^>]*/>", ""); // codes a translation must keep
    HttpResponse<byte[]> refused = tomasz.postText("/api/translate/pl/check", broken, tomasz.csrf);
    assertEquals(422, refused.statusCode(), text(refused));
    JsonNode finding = json(refused).path("findings").get(0);
    assertEquals("upload.xlf", finding.path("source").asText(), finding.toString());
    assertTrue(finding.path("line").asInt() > 0, finding.toString());
  }

  @Test
  void aRenderSlowerThanTheLimitIs503AndFinishesForTheNextRequest(@TempDir Path elsewhere)
      throws Exception {
    try (Service impatient =
        Service.start(elsewhere, false, 1, 1, java.time.Duration.ofMillis(50))) {
      WebClient vera = impatient.signedIn("vera");
      HttpResponse<byte[]> first = vera.get("/notices/standard/ro.pdf");
      assertEquals(503, first.statusCode());
      assertEquals("5", first.headers().firstValue("Retry-After").orElse(""));
      HttpResponse<byte[]> later = null;
      for (int i = 0; i < 300; i++) {
        Thread.sleep(500);
        later = vera.get("/notices/standard/ro.pdf");
        if (later.statusCode() == 200) {
          break;
        }
      }
      assertEquals(200, later.statusCode(), "the render went on and was cached");
    }
  }

  @Test
  void aPublicationWaitsForTheOutputFolderLockOfARender() throws Exception {
    WebClient erin = service.signedIn("erin");
    String job;
    try (org.noticepublisher.publish.Publisher render =
        org.noticepublisher.publish.Publisher.open(service.output)) {
      HttpResponse<byte[]> started = erin.post("/publish", Map.of("notice", "standard/en-GB"));
      job = started.headers().firstValue("Location").orElseThrow();
      JsonNode state = json(erin.get("/api" + job));
      for (int i = 0; i < 600 && !state.path("message").asText().contains("waiting"); i++) {
        Thread.sleep(200);
        state = json(erin.get("/api" + job));
      }
      assertEquals("running", state.path("state").asText(), state.toString());
      assertTrue(state.path("message").asText().contains("waiting"), state.toString());
    }
    JsonNode state = json(erin.get("/api" + job));
    for (int i = 0; i < 600 && state.path("state").asText().equals("running"); i++) {
      Thread.sleep(200);
      state = json(erin.get("/api" + job));
    }
    assertEquals("done", state.path("state").asText(), state.toString());
    assertEquals(1, state.path("published").asInt());
  }

  @Test
  void onePublicationAtATime() throws Exception {
    WebClient erin = service.signedIn("erin");
    HttpResponse<byte[]> first = erin.post("/publish", Map.of("notice", "consultation/ro"));
    assertEquals(303, first.statusCode(), text(first));
    HttpResponse<byte[]> second = erin.post("/publish", Map.of("all", "1"));
    assertEquals(409, second.statusCode(), text(second));
    assertTrue(text(second).contains("still running"), text(second));
    String job = first.headers().firstValue("Location").orElseThrow();
    for (int i = 0;
        i < 600 && json(erin.get("/api" + job)).path("state").asText().equals("running");
        i++) {
      Thread.sleep(200);
    }
    assertEquals("done", json(erin.get("/api" + job)).path("state").asText());
  }

  private static JsonNode publishedCell(WebClient c) throws Exception {
    return json(c.get("/api/dashboard"))
        .path("locales")
        .get(0)
        .path("cells")
        .get(0)
        .path("published");
  }

  @Test
  void pastThePoolAndItsQueueTheAnswerIs503WithRetryAfter(@TempDir Path elsewhere)
      throws Exception {
    try (Service small = Service.start(elsewhere, false, 1, 0)) {
      WebClient vera = small.signedIn("vera");
      vera.get("/api/dashboard");
      List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> answers =
          new ArrayList<>();
      java.util.concurrent.ExecutorService clients =
          java.util.concurrent.Executors.newFixedThreadPool(3);
      try {
        for (String locale : List.of("en-GB", "pl", "uk")) {
          answers.add(
              java.util.concurrent.CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return vera.get("/notices/consultation/" + locale + ".pdf");
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  },
                  clients));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var a : answers) {
          HttpResponse<byte[]> r = a.get();
          statuses.add(r.statusCode());
          if (r.statusCode() == 503) {
            assertEquals("5", r.headers().firstValue("Retry-After").orElse(""));
            assertTrue(text(r).contains("busy"), text(r));
          }
        }
        assertTrue(statuses.contains(200), statuses.toString());
        assertTrue(statuses.contains(503), "one thread, no queue, three renders: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
      } finally {
        clients.shutdownNow();
      }
    }
  }

  @Test
  void printForSchoolsGivesAPdfOrAZip() throws Exception {
    WebClient vera = service.signedIn("vera");
    assertEquals(200, vera.get("/print").statusCode());
    HttpResponse<byte[]> one = vera.get("/print/download?locale=en-GB&layout=a5");
    assertEquals(200, one.statusCode(), text(one));
    assertEquals("application/pdf", one.headers().firstValue("Content-Type").orElse(""));
    HttpResponse<byte[]> two = vera.get("/print/download?locale=en-GB&locale=ar&layout=a5");
    assertEquals(200, two.statusCode());
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(two.body()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        assertEquals("%PDF", new String(zip.readNBytes(4), StandardCharsets.ISO_8859_1));
      }
    }
    assertEquals(
        List.of("children-and-young-people.en-GB.a5.pdf", "children-and-young-people.ar.a5.pdf"),
        names);
    assertEquals(400, vera.get("/print/download?layout=a5").statusCode());
  }

  @Test
  void editsOnDiskShowOnTheNextRequest() throws Exception {
    WebClient vera = service.signedIn("vera");
    Path profile = service.project.resolve("templates/organisation.properties");
    String name = json(vera.get("/api/dashboard")).path("organisation").asText();
    Fixtures.edit(profile, name, name + " Trust");
    try {
      assertEquals(name + " Trust", json(vera.get("/api/dashboard")).path("organisation").asText());
    } finally {
      Fixtures.edit(profile, name + " Trust", name);
    }
  }

  @Test
  void brokenSourcesGiveAPageWithFindingsButNoServerPaths() throws Exception {
    WebClient vera = service.signedIn("vera");
    Path bundle = service.project.resolve("locales/uk.properties");
    String before = Files.readString(bundle);
    Files.writeString(bundle, before + "\nbroken.key = {unclosed\n");
    try {
      HttpResponse<byte[]> r = vera.get("/");
      assertEquals(500, r.statusCode());
      assertTrue(text(r).contains("locales/uk.properties:"), text(r));
      assertFalse(text(r).contains(temp.toString()), "no server paths");
      assertFalse(text(r).contains("Exception"), "no internals");
    } finally {
      Files.writeString(bundle, before);
    }
    assertEquals(200, vera.get("/").statusCode());
  }

  @Test
  void withoutUsersTheServiceIsReadOnlyAndLoopbackOnly() throws Exception {
    Path output = temp.resolve("ro-output");
    ServerSettings settings =
        ServerSettings.defaults(service.project, output).withAddress("127.0.0.1", 0);
    try (NoticeServer ro =
        NoticeServer.start(settings, new java.io.PrintWriter(new java.io.StringWriter()))) {
      WebClient c = new WebClient(ro.port());
      assertEquals(200, c.get("/").statusCode());
      HttpResponse<byte[]> r = c.postRaw("/translate/pl/save", Map.of("text", "x"));
      assertEquals(403, r.statusCode());
      assertTrue(text(r).contains("read-only"), text(r));
    }
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                NoticeServer.start(
                    settings.withAddress("0.0.0.0", 0),
                    new java.io.PrintWriter(new java.io.StringWriter())));
    assertTrue(e.getMessage().contains("without --users"), e.getMessage());
  }

  @Test
  void outsideGitSavesAtomicallyAndSaysSo(@TempDir Path elsewhere) throws Exception {
    try (Service plain = Service.start(elsewhere, false, 1, 2)) {
      WebClient tomasz = plain.signedIn("tomasz");
      String text = Files.readString(plain.project.resolve("locales/pl.properties"));
      HttpResponse<byte[]> saved =
          tomasz.post("/translate/pl/save", Map.of("text", text + "\n# checked\n"));
      assertEquals(303, saved.statusCode(), WebClient.text(saved));
      String location =
          java.net.URLDecoder.decode(
              saved.headers().firstValue("Location").orElse(""), StandardCharsets.UTF_8);
      assertTrue(location.contains("not in a git repository"), location);
      assertTrue(
          Files.readString(plain.project.resolve("locales/pl.properties")).contains("# checked"));
    }
  }

  /**
   * Every render on {@code service} throws, as a bug in the pipeline would. (The content that used
   * to, a notice nested too deeply for the renderer's stack, is now refused with a finding.)
   */
  static void makeRendersThrow(Service service) {
    service
        .server
        .renders()
        .beforeEachRender(
            () -> {
              throw new IllegalStateException("a bug in rendering");
            });
  }

  private static void assertNoInternals(String body, Service own) {
    for (String internal :
        List.of(
            "Exception",
            "Error",
            "java.",
            "org.",
            "openhtmltopdf",
            "\tat ",
            own.root.toString(),
            "a bug in rendering")) {
      assertFalse(body.contains(internal), "shows '" + internal + "': " + body);
    }
  }

  @Test
  void aRenderThatThrowsIsA500WithoutInternalsAndTheServiceGoesOn(@TempDir Path elsewhere)
      throws Exception {
    try (Service own = Service.start(elsewhere, false, 1, 1)) {
      makeRendersThrow(own);
      WebClient vera = own.signedIn("vera");
      HttpResponse<byte[]> page = vera.get("/notices/standard/en-GB");
      assertEquals(500, page.statusCode(), text(page));
      assertTrue(text(page).contains("Something went wrong on our side"), text(page));
      assertNoInternals(text(page), own);
      HttpResponse<byte[]> api = vera.get("/api/notices/standard/en-GB");
      assertEquals(500, api.statusCode(), text(api));
      assertTrue(
          api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
          api.headers().toString());
      assertEquals(500, json(api).path("status").asInt(), text(api));
      assertNoInternals(text(api), own);
      assertTrue(
          own.log.toString().contains("IllegalStateException: a bug in rendering"),
          "the details are logged");
      assertEquals(
          2,
          json(vera.get("/health")).path("renders").path("rendered").asInt(),
          "the failed render was not cached: the second request rendered again");
      HttpResponse<byte[]> pdf = vera.get("/notices/standard/en-GB.pdf");
      assertEquals(500, pdf.statusCode());
      assertNoInternals(text(pdf), own);
      assertEquals(3, json(vera.get("/health")).path("renders").path("rendered").asInt());

      assertEquals(200, vera.get("/").statusCode(), "the service goes on serving");
      own.server.renders().beforeEachRender(() -> {});
      HttpResponse<byte[]> fixed = vera.get("/notices/standard/en-GB.pdf");
      assertEquals(200, fixed.statusCode(), text(fixed));
      assertEquals("%PDF", new String(fixed.body(), 0, 4, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void aCheckWhoseRenderThrowsFailsThatNoticeAndFinishes(@TempDir Path elsewhere) throws Exception {
    try (Service own = Service.start(elsewhere, false, 1, 1)) {
      makeRendersThrow(own);
      WebClient erin = own.signedIn("erin");
      HttpResponse<byte[]> started = erin.post("/publish", Map.of("notice", "standard/en-GB"));
      assertEquals(303, started.statusCode(), text(started));
      JsonNode state = finished(erin, started.headers().firstValue("Location").orElseThrow());
      assertEquals("done", state.path("state").asText(), state.toString());
      assertEquals(0, state.path("published").asInt(), state.toString());
      JsonNode step = state.path("steps").get(0);
      assertFalse(step.path("passed").asBoolean(), step.toString());
      assertTrue(step.path("detail").asText().contains("internal error"), step.toString());
      assertNoInternals(state.toString(), own);
      assertFalse(Files.exists(own.output.resolve("standard/en-GB")), "nothing published");
      HttpResponse<byte[]> next = erin.post("/check", Map.of());
      assertEquals(303, next.statusCode(), "the next job may start: " + text(next));
    }
  }

  private static JsonNode finished(WebClient c, String job) throws Exception {
    JsonNode state = json(c.get("/api" + job));
    for (int i = 0; i < 900 && state.path("state").asText().equals("running"); i++) {
      Thread.sleep(200);
      state = json(c.get("/api" + job));
    }
    return state;
  }

  @Test
  void savingAnXliffFileRecordsTheBasisAsTheImportDoes(@TempDir Path elsewhere) throws Exception {
    try (Service own = Service.start(elsewhere, true, 1, 1)) {
      Fixtures.edit(
          own.project.resolve("locales/en-GB.properties"),
          "Registration number {icoRegistration}.",
          "Our registration number is {icoRegistration}.");
      WebClient tomasz = own.signedIn("tomasz");
      // The registration sentence is in intro.p.2 and consultation.intro.p.3.
      assertEquals(2, localeRow(tomasz, "pl").path("stale").asInt(), "both are stale");
      int ukStale = localeRow(tomasz, "uk").path("stale").asInt();
      org.noticepublisher.pipeline.Pipeline now =
          org.noticepublisher.pipeline.Pipeline.open(own.project);
      String xliff =
          new org.noticepublisher.xliff.XliffExport(now.catalog(), now.profile(), Map.of())
              .export("pl")
              .replace("Numer rejestracyjny: <ph", "Nasz numer rejestracyjny to <ph")
              .replaceFirst(
                  "(<unit id=\"intro.p.2\"(?s:.*?))<segment id=\"s1\"",
                  "$1<segment id=\"s1\" state=\"translated\"")
              .replaceFirst(
                  "(<unit id=\"consultation.intro.p.3\"(?s:.*?))<segment id=\"s1\"",
                  "$1<segment id=\"s1\" state=\"translated\"");
      HttpResponse<byte[]> saved = tomasz.post("/translate/pl/save", Map.of("text", xliff));
      assertEquals(303, saved.statusCode(), text(saved));
      assertTrue(polishOf(own).contains("Nasz numer rejestracyjny to"));
      assertTrue(
          Files.readString(own.project.resolve("locales/pl.basis.properties"))
              .contains("Our registration number is {icoRegistration}."),
          "the new English recorded");
      assertEquals(0, localeRow(tomasz, "pl").path("stale").asInt(), "no longer stale");
      assertEquals(ukStale, localeRow(tomasz, "uk").path("stale").asInt(), "uk's stay stale");
      try (Git git = Git.open(own.project.toFile())) {
        RevCommit last = git.log().setMaxCount(1).call().iterator().next();
        assertEquals("tomasz", last.getAuthorIdent().getName());
        List<String> files = new ArrayList<>();
        try (var walk = new org.eclipse.jgit.treewalk.TreeWalk(git.getRepository())) {
          walk.addTree(last.getParent(0).getTree());
          walk.addTree(last.getTree());
          walk.setRecursive(true);
          walk.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
          while (walk.next()) {
            files.add(walk.getPathString());
          }
        }
        assertEquals(
            List.of("locales/pl.basis.properties", "locales/pl.properties"),
            files,
            "bundle and basis in one commit");
      }
    }
  }

  private static String polishOf(Service own) throws Exception {
    return Files.readString(own.project.resolve("locales/pl.properties"));
  }

  private static JsonNode localeRow(WebClient c, String locale) throws Exception {
    for (JsonNode row : json(c.get("/api/dashboard")).path("locales")) {
      if (row.path("locale").asText().equals(locale)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + locale);
  }

  @Test
  void aSaveDuringAPublicationSucceedsAndThePublicationKeepsItsCopy(@TempDir Path elsewhere)
      throws Exception {
    try (Service own = Service.start(elsewhere, true, 2, 2)) {
      String before = polishOf(own);
      WebClient erin = own.signedIn("erin");
      WebClient tomasz = own.signedIn("tomasz");
      String job;
      // The test holds the output folder, so the publication is still running (rendered, waiting
      // to write) when the translator saves.
      try (org.noticepublisher.publish.Publisher render =
          org.noticepublisher.publish.Publisher.open(own.output)) {
        HttpResponse<byte[]> started = erin.post("/publish", Map.of("notice", "standard/pl"));
        job = started.headers().firstValue("Location").orElseThrow();
        JsonNode state = json(erin.get("/api" + job));
        for (int i = 0; i < 900 && !state.path("message").asText().contains("waiting"); i++) {
          Thread.sleep(200);
          state = json(erin.get("/api" + job));
        }
        assertTrue(state.path("message").asText().contains("waiting"), state.toString());
        String edited =
            before.replaceFirst("(?m)^(standard\\.title\\s*=.*)$", "$1 (po publikacji)");
        HttpResponse<byte[]> saved = tomasz.post("/translate/pl/save", Map.of("text", edited));
        assertEquals(303, saved.statusCode(), text(saved));
        assertTrue(polishOf(own).contains("(po publikacji)"));
        assertEquals(
            "running",
            json(erin.get("/api" + job)).path("state").asText(),
            "the save did not wait for the publication");
      }
      JsonNode state = finished(erin, job);
      assertEquals("done", state.path("state").asText(), state.toString());
      assertEquals(1, state.path("published").asInt(), state.toString());
      String twin = Files.readString(own.output.resolve("standard/pl/standard.pl.html"));
      assertFalse(twin.contains("po publikacji"), "published from the copy taken at the start");
      Path then = Files.createDirectories(elsewhere.resolve("then"));
      Fixtures.copyOfProject(then);
      Files.writeString(then.resolve("locales/pl.properties"), before);
      JsonNode manifest = JSON.readTree(own.output.resolve("manifest.json").toFile());
      for (JsonNode f : manifest.path("files")) {
        if (f.path("path").asText().equals("standard/pl/standard.pl.pdf")) {
          assertEquals(
              org.noticepublisher.sources.NoticeSources.scan(then)
                  .hash(
                      new org.noticepublisher.NoticeId("standard", "pl"),
                      org.noticepublisher.assemble.Layout.DEFAULT)
                  .hex(),
              f.path("sources").asText(),
              "the manifest records the sources that were rendered");
        }
      }
      JsonNode pl = localeRow(erin, "pl").path("cells");
      assertEquals(
          "yes",
          pl.get(cellOf(erin, "standard")).path("published").path("changed").asText(),
          "the save came after the copy: " + pl);
      assertTrue(twin.contains("lang=\"pl\""), "the twin is the Polish notice");
    }
  }

  private static int cellOf(WebClient c, String variant) throws Exception {
    JsonNode variants = json(c.get("/api/dashboard")).path("variants");
    for (int i = 0; i < variants.size(); i++) {
      if (variants.get(i).asText().equals(variant)) {
        return i;
      }
    }
    throw new AssertionError("no variant " + variant);
  }

  @Test
  void checksRenderOnTheSharedPoolWithinItsBound(@TempDir Path elsewhere) throws Exception {
    try (Service own = Service.start(elsewhere, false, 1, 1)) {
      WebClient erin = own.signedIn("erin");
      HttpResponse<byte[]> started = erin.post("/check", Map.of());
      String job = started.headers().firstValue("Location").orElseThrow();
      JsonNode state = json(erin.get("/api" + job));
      for (int i = 0; i < 900 && state.path("done").asInt() < 1; i++) {
        Thread.sleep(200);
        state = json(erin.get("/api" + job));
      }
      // While the check renders, visitors ask for notices it has not reached yet.
      List<Integer> statuses = new ArrayList<>();
      for (String locale : List.of("uk", "ro", "ar")) {
        statuses.add(erin.get("/notices/consultation/" + locale + ".pdf").statusCode());
      }
      assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
      JsonNode health = json(erin.get("/health")).path("renders");
      assertEquals(
          1,
          health.path("mostAtOnce").asInt(),
          "one render thread, whoever asks: " + health + " " + statuses);
    }
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError("not found: " + needle);
  }
}
