package org.noticepublisher.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Golden;

/**
 * The service's JSON answers, exactly, as scripts and dashboards read them: every field, in its
 * order, for one walk through the service (dashboard before and after a publication, a notice's
 * report, checked uploads, the publication itself, health and an error). Values that change from
 * run to run — times, commit ids, durations, the PDF's byte count, the assembled preview HTML
 * (golden in {@code GoldenTest}) — are checked for their form and shown as placeholders. Regenerate
 * on purpose with {@code mvn -B test -Dgolden.update=true -Dtest=JsonAnswersTest} and review the
 * diff.
 */
class JsonAnswersTest {
  private static final Pattern DATE =
      Pattern.compile("\"(date)\" : \"\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC\"");
  private static final Pattern STARTED =
      Pattern.compile(
          "\"(started)\" : \"\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}:\\d{2} UTC\"");
  private static final Pattern COMMIT = Pattern.compile("\"(id)\" : \"[0-9a-f]{7,40}\"");
  private static final Pattern BYTES = Pattern.compile("\"(bytes)\" : [1-9][0-9]*");
  private static final Pattern MILLISECONDS =
      Pattern.compile("\"(assemble|render|verify)\" : [0-9]+");
  // A JSON string is one line when pretty-printed (its line breaks are escaped); "html" is the
  // last field of a preview, so its value runs to the end of the line.
  private static final Pattern HTML = Pattern.compile("(?m)\"(html)\" : \"<!DOCTYPE html>.*\"$");

  @Test
  void theServiceAnswersInTheShapeItsClientsRead(@TempDir Path temp) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    try (Service service = Service.start(temp, true, 2, 4)) {
      WebClient vera = service.signedIn("vera");
      answers.put("health", body(vera.get("/health"), 200));
      answers.put("dashboard.before-publishing", body(vera.get("/api/dashboard"), 200));
      answers.put("notice.standard.en-GB", body(vera.get("/api/notices/standard/en-GB"), 200));
      answers.put("error.unknown-locale", body(vera.get("/api/notices/standard/xx"), 404));
      // Cherokee: no shipped font has these letters, so the glyph check fails the notice.
      Path ukrainian = service.project.resolve("locales/uk.properties");
      Files.writeString(
          ukrainian,
          Files.readString(ukrainian)
              .replaceFirst("(?m)^(consultation\\.title\\s*=.*)$", "$1 ᏣᎳᎩ"));
      answers.put(
          "notice.consultation.uk.fails", body(vera.get("/api/notices/consultation/uk"), 200));

      WebClient tomasz = service.signedIn("tomasz");
      String polish = Files.readString(service.project.resolve("locales/pl.properties"));
      String marked = polish.replaceFirst("(?m)^(standard\\.title\\s*=)(.*)$", "$1 <b>Nasza</b>$2");
      answers.put(
          "checked.pl.warning",
          body(tomasz.postText("/api/translate/pl/check", marked, tomasz.csrf), 200));
      String broken = polish.replaceFirst("(?m)^(standard\\.title\\s*=.*)$", "$1 {");
      answers.put(
          "checked.pl.error",
          body(tomasz.postText("/api/translate/pl/check", broken, tomasz.csrf), 422));

      WebClient erin = service.signedIn("erin");
      erin.get("/publish");
      answers.put("publication.standard.en-GB", publication(erin, "standard/en-GB"));
      answers.put("publication.consultation.uk.fails", publication(erin, "consultation/uk"));
      answers.put("dashboard.after-publishing", body(vera.get("/api/dashboard"), 200));
    }
    assertAll(
        answers.entrySet().stream()
            .map(
                e ->
                    (Executable)
                        () ->
                            Golden.assertMatches(
                                Path.of("service", e.getKey() + ".json"),
                                normalised(e.getValue()))));
  }

  /** Publishes one notice and answers the job's JSON once it has finished. */
  private static String publication(WebClient editor, String notice) throws Exception {
    HttpResponse<byte[]> started = editor.post("/publish", Map.of("notice", notice));
    assertEquals(303, started.statusCode(), WebClient.text(started));
    String job = "/api" + started.headers().firstValue("Location").orElseThrow();
    String answer = body(editor.get(job), 200);
    for (int i = 0; i < 600 && answer.contains("\"state\" : \"running\""); i++) {
      Thread.sleep(200);
      answer = body(editor.get(job), 200);
    }
    return answer;
  }

  private static String body(HttpResponse<byte[]> r, int status) {
    String text = WebClient.text(r);
    assertEquals(status, r.statusCode(), text);
    assertEquals(
        "application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    return text;
  }

  /** Placeholders for what differs between runs, each checked for its form first. */
  private static String normalised(String json) {
    String out = json;
    for (Map.Entry<Pattern, String> e :
        Map.of(
                DATE, "<date>",
                STARTED, "<time>",
                COMMIT, "<commit>",
                BYTES, "<bytes>",
                MILLISECONDS, "<ms>",
                HTML, "<assembled notice>")
            .entrySet()) {
      Matcher m = e.getKey().matcher(out);
      out = m.replaceAll(r -> "\"" + r.group(1) + "\" : \"" + e.getValue() + "\"");
    }
    assertTrue(
        !out.matches("(?s).*\"(date|started)\" : \"(?!<).*"),
        "every time has the service's format: " + json);
    return out;
  }
}
