package org.noticepublisher.xliff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.noticepublisher.assemble.Variant;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.catalog.Messages;
import org.noticepublisher.catalog.OrganisationProfile;

/**
 * Where each key of the source appears: its section (from the key, {@code <section>.…} or {@code
 * <variant>.<section>.…}), the variants that show it, and the page of the English A4 PDF on which
 * its words first appear (found in each page's extracted text).
 */
public final class SourceContext {
  private static final int PROBE = 40;

  private SourceContext() {}

  /**
   * @param englishPdf the English A4 PDF of a variant (rendered and verified by the caller)
   */
  public static Map<String, KeyContext> of(Catalog catalog, OrganisationProfile profile,
      Map<String, Variant> variants, Function<String, byte[]> englishPdf) {
    Bundle source = catalog.source();
    Map<String, List<String>> pages = new LinkedHashMap<>();
    Map<String, KeyContext> out = new LinkedHashMap<>();
    Map<String, Where> where = where(source, variants);
    for (String key : where.keySet()) {
      String section = where.get(key).section();
      List<String> shownIn = where.get(key).variants();
      Optional<Integer> page = Optional.empty();
      for (String variant : shownIn) {
        List<String> texts = pages.computeIfAbsent(variant, v -> pageTexts(englishPdf.apply(v)));
        Messages messages = catalog.messages(Catalog.SOURCE_LOCALE, variant, profile);
        String unprefixed = key.startsWith(variant + ".") ? key.substring(variant.length() + 1)
            : key;
        String probe;
        try {
          probe = squeeze(messages.text(unprefixed));
        } catch (RuntimeException e) {
          continue;
        }
        probe = probe.substring(0, Math.min(PROBE, probe.length()));
        for (int i = 0; i < texts.size() && !probe.isEmpty(); i++) {
          if (texts.get(i).contains(probe)) {
            page = Optional.of(i + 1);
            break;
          }
        }
        if (page.isPresent()) {
          break;
        }
      }
      out.put(key, new KeyContext(section, shownIn, page, Optional.empty()));
    }
    return out;
  }

  /** Section and variants of a key of the source. */
  public record Where(String section, List<String> variants) {}

  /**
   * For each key of {@code source}: its section and the variants that show it. A key {@code
   * <variant>.…} belongs to that variant; a shared key to every variant with its section that does
   * not word it itself; a key of no section (title, dates, footer) to every variant.
   */
  public static Map<String, Where> where(Bundle source, Map<String, Variant> variants) {
    Map<String, Where> out = new LinkedHashMap<>();
    for (String key : source.keys()) {
      if (key.startsWith("bundle.")) {
        continue;
      }
      String section = "";
      List<String> shownIn = new ArrayList<>();
      for (Variant v : variants.values()) {
        String prefix = v.id() + ".";
        String rest = key.startsWith(prefix) ? key.substring(prefix.length()) : key;
        boolean own = key.startsWith(prefix);
        boolean overridden = !own && source.pattern(prefix + key).isPresent();
        if (variants.keySet().stream().anyMatch(id -> !id.equals(v.id())
            && key.startsWith(id + "."))) {
          continue;
        }
        String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        boolean inSection = v.sections().contains(first);
        boolean furniture = !inSection && !variants.values().stream()
            .anyMatch(x -> x.sections().contains(first));
        if (!overridden && (inSection || furniture)) {
          shownIn.add(v.id());
          if (inSection) {
            section = first;
          }
        }
      }
      out.put(key, new Where(section, List.copyOf(shownIn)));
    }
    return out;
  }

  /** Each page's text without white space, so line breaks do not hide a match. */
  static List<String> pageTexts(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(squeeze(stripper.getText(doc)));
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String squeeze(String s) {
    return s.replaceAll("[\\s\u00AD]+", "");
  }
}
