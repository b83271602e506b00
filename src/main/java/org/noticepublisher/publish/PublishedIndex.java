package org.noticepublisher.publish;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.noticepublisher.assemble.Layout;

/**
 * {@code output/index.html}: every published notice in one accessible table, with its language,
 * review status (drafts marked), untranslated messages, pages and links to the PDF and HTML. Built
 * with jsoup, so every value is escaped.
 */
final class PublishedIndex {
  private PublishedIndex() {}

  static String html(Collection<Manifest.Entry> entries) {
    Document doc = Document.createShell("");
    doc.expectFirst("html").attr("lang", "en-GB");
    doc.head().appendElement("meta").attr("charset", "UTF-8");
    doc.title("Published notices");
    doc.head()
        .appendElement("style")
        .appendText(
            "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}"
                + "table{border-collapse:collapse}th,td{border:1px solid #b7c9d3;padding:.3rem .6rem;"
                + "text-align:left}th{background:#e3f1f6}.draft{color:#8a1c00;font-weight:bold}");
    doc.body().appendElement("h1").text("Published notices");
    Element table = doc.body().appendElement("table");
    table
        .appendElement("caption")
        .text("Every notice that passed validation, by variant and locale");
    Element head = table.appendElement("thead").appendElement("tr");
    for (String h :
        new String[] {
          "Variant",
          "Locale",
          "Title",
          "Review",
          "Untranslated",
          "Stale",
          "Layout",
          "Standard",
          "Pages",
          "Files"
        }) {
      head.appendElement("th").attr("scope", "col").text(h);
    }
    Element body = table.appendElement("tbody");
    Map<String, Manifest.Entry> pdfs = new TreeMap<>();
    Map<String, Manifest.Entry> twins = new TreeMap<>();
    for (Manifest.Entry e : entries) {
      if (e.describesPdf()) {
        pdfs.put(e.notice() + "/" + e.standard(), e);
      } else {
        twins.put(e.notice(), e);
      }
    }
    pdfs.forEach(
        (key, pdf) -> {
          Element row = body.appendElement("tr");
          row.appendElement("th").attr("scope", "row").text(pdf.variant());
          row.appendElement("td").text(pdf.locale());
          row.appendElement("td").attr("lang", pdf.lang()).attr("dir", pdf.dir()).text(pdf.title());
          boolean draft = pdf.review().equals("draft");
          row.appendElement("td")
              .addClass(draft ? "draft" : "reviewed")
              .text(draft ? "draft" : "reviewed");
          row.appendElement("td").text(untranslated(pdf.fallback()));
          int stale = pdf.stale().size();
          row.appendElement("td")
              .addClass(stale > 0 ? "draft" : "current")
              .text(stale > 0 ? "stale (" + stale + ")" : "0");
          row.appendElement("td").text(pdf.layout());
          row.appendElement("td").text(standard(Objects.requireNonNullElse(pdf.standard(), "")));
          row.appendElement("td").text(Objects.toString(pdf.pages(), ""));
          Element files = row.appendElement("td");
          files.appendElement("a").attr("href", pdf.path()).text("PDF");
          Manifest.Entry twin = twins.get(pdf.notice());
          if (twin != null) {
            files.appendText(" · ");
            files.appendElement("a").attr("href", twin.path()).text("HTML");
          }
        });
    return "<!DOCTYPE html>\n" + doc.outerHtml();
  }

  /** "3 messages (4.2%)": how many messages fell back, and their share of the notice's text. */
  private static String untranslated(Manifest.Fallback fallback) {
    if (fallback.messages() == 0) {
      return "none";
    }
    return String.format(
        java.util.Locale.ROOT,
        "%d %s (%.1f%%)",
        fallback.messages(),
        fallback.messages() == 1 ? "message" : "messages",
        fallback.share() * 100);
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
