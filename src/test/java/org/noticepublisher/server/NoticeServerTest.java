package org.noticepublisher.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Fixtures;

/** The web service on the loopback address: previews, reports, downloads, and what it refuses. */
class NoticeServerTest {
  @TempDir static Path output;
  private static NoticeServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(output.resolve("manifest.json"), "{\"files\":[]}");
    server = NoticeServer.start(Fixtures.pipeline(), output,
        new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    return HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void homeListsEveryNoticeWithPreviewAndReportLinks() throws Exception {
    HttpResponse<byte[]> r = get("/");
    assertEquals(200, r.statusCode());
    assertTrue(text(r).contains("href=\"/preview/children-and-young-people/ar.pdf\""), text(r));
    assertTrue(text(r).contains("href=\"/report/consultation/en-XA.json\""), text(r));
  }

  @Test
  void previewIsAVerifiedPdfOrHtml() throws Exception {
    HttpResponse<byte[]> pdf = get("/preview/standard/en-GB.pdf");
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1));
    HttpResponse<byte[]> html = get("/preview/standard/pl.html");
    assertEquals(200, html.statusCode());
    assertTrue(text(html).contains(" lang=\"pl\""), text(html).substring(0, 200));
  }

  @Test
  void previewInPdfUa2OnRequest() throws Exception {
    HttpResponse<byte[]> pdf = get("/preview/standard/ko.pdf?standard=ua2");
    assertEquals(200, pdf.statusCode(), text(pdf));
    assertEquals("%PDF-2.0", new String(pdf.body(), 0, 8, StandardCharsets.ISO_8859_1));
    HttpResponse<byte[]> bad = get("/preview/standard/ko.pdf?standard=ua9");
    assertEquals(400, bad.statusCode());
    assertTrue(text(bad).contains("standard must be ua1"), text(bad));
  }

  @Test
  void reportGivesTheVerdictAsJson() throws Exception {
    HttpResponse<byte[]> r = get("/report/children-and-young-people/en-GB.json");
    assertEquals(200, r.statusCode());
    String json = text(r);
    assertTrue(json.contains("\"publishable\" : true"), json);
    assertTrue(json.contains("\"PDF/UA-1 + PDF/A-2a\""), json);
    assertTrue(json.contains("\"readingEase\""), json);
  }

  @Test
  void downloadsOnlyFromTheOutputFolder() throws Exception {
    assertEquals(200, get("/output/manifest.json").statusCode());
    assertEquals(404, get("/output/../../pom.xml").statusCode());
    assertEquals(404, get("/output/%2e%2e/%2e%2e/pom.xml").statusCode());
  }

  @Test
  void unknownNoticesAndPagesAreNotFound() throws Exception {
    HttpResponse<byte[]> r = get("/preview/leaflet/en-GB.pdf");
    assertEquals(404, r.statusCode());
    assertTrue(text(r).contains("unknown variant 'leaflet'"), text(r));
    assertEquals(404, get("/admin").statusCode());
  }
}
