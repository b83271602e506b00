package org.noticepublisher.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.noticepublisher.assemble.Layout;

/**
 * {@code output/index.html}: every published notice in one accessible table, with its language, review
 * status (drafts marked), untranslated messages, pages and links to the PDF and HTML. Built with jsoup,
 * so every value is escaped.
 */
final class PublishedIndex {
  private PublishedIndex() {}

  static String html(Collection<JsonNode> entries) {
    Document doc = Document.createShell("");
    doc.selectFirst("html").attr("lang", "en-GB");
    doc.head().appendElement("meta").attr("charset", "UTF-8");
    doc.title("Published notices");
    doc.head().appendElement("style").appendText(
        "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}"
            + "table{border-collapse:collapse}th,td{border:1px solid #b7c9d3;padding:.3rem .6rem;"
            + "text-align:left}th{background:#e3f1f6}.draft{color:#8a1c00;font-weight:bold}");
    doc.body().appendElement("h1").text("Published notices");
    Element table = doc.body().appendElement("table");
    table.appendElement("caption").text("Every notice that passed validation, by variant and locale");
    Element head = table.appendElement("thead").appendElement("tr");
    for (String h : new String[] {"Variant", "Locale", "Title", "Review", "Untranslated", "Stale",
        "Layout", "Standard", "Pages", "Files"}) {
      head.appendElement("th").attr("scope", "col").text(h);
    }
    Element body = table.appendElement("tbody");
    Map<String, JsonNode> pdfs = new TreeMap<>();
    Map<String, JsonNode> twins = new TreeMap<>();
    for (JsonNode e : entries) {
      String key = e.path("variant").asText() + "/" + e.path("locale").asText() + "/"
          + e.path("layout").asText();
      if (e.path("type").asText().equals("application/pdf")) {
        pdfs.put(key + "/" + e.path("standard").asText(Layout.Standard.UA1.id()), e);
      } else {
        twins.put(key, e);
      }
    }
    pdfs.forEach((key, pdf) -> {
      Element row = body.appendElement("tr");
      row.appendElement("th").attr("scope", "row").text(pdf.path("variant").asText());
      row.appendElement("td").text(pdf.path("locale").asText());
      row.appendElement("td").attr("lang", pdf.path("lang").asText())
          .attr("dir", pdf.path("dir").asText("ltr")).text(pdf.path("title").asText());
      boolean draft = pdf.path("review").asText().equals("draft");
      row.appendElement("td").addClass(draft ? "draft" : "reviewed")
          .text(draft ? "draft" : "reviewed");
      row.appendElement("td").text(untranslated(pdf));
      int stale = pdf.path("stale").size();
      row.appendElement("td").addClass(stale > 0 ? "draft" : "current")
          .text(stale > 0 ? "stale (" + stale + ")" : "0");
      row.appendElement("td").text(pdf.path("layout").asText());
      row.appendElement("td").text(standard(pdf.path("standard").asText()));
      row.appendElement("td").text(pdf.path("pages").asText());
      Element files = row.appendElement("td");
      files.appendElement("a").attr("href", pdf.path("path").asText()).text("PDF");
      JsonNode twin = twins.get(key.substring(0, key.lastIndexOf('/')));
      if (twin != null) {
        files.appendText(" · ");
        files.appendElement("a").attr("href", twin.path("path").asText()).text("HTML");
      }
    });
    return "<!DOCTYPE html>\n" + doc.outerHtml();
  }

  /** "3 messages (4.2%)": how many messages fell back, and their share of the notice's text. */
  private static String untranslated(JsonNode pdf) {
    JsonNode fallback = pdf.path("fallback");
    int messages = fallback.path("messages").asInt(pdf.path("fallbacks").size());
    if (messages == 0) {
      return "none";
    }
    return String.format(java.util.Locale.ROOT, "%d %s (%.1f%%)", messages,
        messages == 1 ? "message" : "messages", fallback.path("share").asDouble() * 100);
  }

  /** Manifests written before the choice of standard existed list PDF/UA-1 files only. */
  private static String standard(String id) {
    try {
      return Layout.Standard.parse(id.isEmpty() ? Layout.Standard.UA1.id() : id).description();
    } catch (IllegalArgumentException e) {
      return id;
    }
  }
}
