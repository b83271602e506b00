package org.noticepublisher.xliff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.noticepublisher.assemble.Variant;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.catalog.TranslationChecks;

/**
 * Where each translation stands, locale by variant: how many of the variant's messages are
 * translated, missing (readers see English), stale (translated from English that has changed
 * since), plurals lacking a category of the language, and whether a reviewer has checked the
 * bundle.
 */
public final class TranslationStatus {
  /**
   * One locale in one variant.
   *
   * @param messages the messages the variant shows
   */
  public record Row(
      String locale,
      String variant,
      int messages,
      int translated,
      int missing,
      int stale,
      int pluralGaps,
      Bundle.ReviewStatus review) {}

  private TranslationStatus() {}

  public static List<Row> of(Catalog catalog, Map<String, Variant> variants) {
    Map<String, SourceContext.Where> where = SourceContext.where(catalog.source(), variants);
    TranslationChecks qa = TranslationChecks.against(catalog.source());
    List<Row> rows = new ArrayList<>();
    for (String locale : catalog.locales()) {
      Bundle bundle = catalog.bundle(locale).orElseThrow();
      if (bundle.generated() || locale.equals(Catalog.SOURCE_LOCALE)) {
        continue;
      }
      Set<String> stale = catalog.stale(locale).keySet();
      Set<String> gaps = qa.pluralGaps(bundle);
      for (String variant : variants.keySet()) {
        int total = 0;
        int translated = 0;
        int staleCount = 0;
        int gapCount = 0;
        for (Map.Entry<String, SourceContext.Where> e : where.entrySet()) {
          if (!e.getValue().variants().contains(variant)) {
            continue;
          }
          String key = e.getKey();
          total++;
          if (bundle.pattern(key).isPresent()) {
            translated++;
            staleCount += stale.contains(key) ? 1 : 0;
            gapCount += gaps.contains(key) ? 1 : 0;
          }
        }
        rows.add(
            new Row(
                locale,
                variant,
                total,
                translated,
                total - translated,
                staleCount,
                gapCount,
                bundle.status()));
      }
    }
    return rows;
  }

  /** The same as an accessible HTML page (a captioned table with row and column headers). */
  public static String html(List<Row> rows) {
    Document doc = Document.createShell("");
    doc.expectFirst("html").attr("lang", "en-GB");
    doc.head().appendElement("meta").attr("charset", "UTF-8");
    doc.title("Translation status");
    doc.head()
        .appendElement("style")
        .appendText(
            "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}"
                + "table{border-collapse:collapse}th,td{border:1px solid #b7c9d3;padding:.3rem .6rem;"
                + "text-align:left}td.n{text-align:right}th{background:#e3f1f6}"
                + ".attention{color:#8a1c00;font-weight:bold}");
    doc.body().appendElement("h1").text("Translation status");
    doc.body()
        .appendElement("p")
        .text(
            "Each translated locale in each variant. Missing messages "
                + "are shown in English; stale ones were translated from English that has changed since "
                + "(run lint for a word diff); plural gaps lack a form the language needs.");
    Element table = doc.body().appendElement("table");
    table.appendElement("caption").text("Messages per locale and variant");
    Element head = table.appendElement("thead").appendElement("tr");
    for (String h :
        new String[] {
          "Locale", "Variant", "Messages", "Translated", "Missing", "Stale", "Plural gaps", "Review"
        }) {
      head.appendElement("th").attr("scope", "col").text(h);
    }
    Element body = table.appendElement("tbody");
    for (Row r : rows) {
      Element tr = body.appendElement("tr");
      tr.appendElement("th").attr("scope", "row").text(r.locale());
      tr.appendElement("td").text(r.variant());
      number(tr, r.messages(), false);
      number(tr, r.translated(), false);
      number(tr, r.missing(), r.missing() > 0);
      number(tr, r.stale(), r.stale() > 0);
      number(tr, r.pluralGaps(), r.pluralGaps() > 0);
      tr.appendElement("td")
          .addClass(r.review() == Bundle.ReviewStatus.DRAFT ? "attention" : "")
          .text(r.review().name().toLowerCase(java.util.Locale.ROOT));
    }
    return "<!DOCTYPE html>\n" + doc.outerHtml();
  }

  private static void number(Element tr, int n, boolean attention) {
    Element td = tr.appendElement("td").addClass("n").text(String.valueOf(n));
    if (attention) {
      td.addClass("attention");
    }
  }
}
