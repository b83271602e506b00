package org.noticepublisher.xliff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
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
  public static Map<String, KeyContext> of(
      Catalog catalog,
      OrganisationProfile profile,
      Map<String, Variant> variants,
      Function<String, byte[]> englishPdf) {
    return of(catalog, profile, variants, englishPdf, null);
  }

  /**
   * As {@link #of(Catalog, OrganisationProfile, Map, Function)}, and with {@code pictures} not null
   * a PNG per key found in a PDF, {@code <pictures>/<key>.png}: the lines of the English A4 page
   * where the message sits, so a translator sees its context; named relative to the parent of
   * {@code pictures} in each {@link KeyContext#image()}.
   */
  public static Map<String, KeyContext> of(
      Catalog catalog,
      OrganisationProfile profile,
      Map<String, Variant> variants,
      Function<String, byte[]> englishPdf,
      @Nullable Path pictures) {
    Bundle source = catalog.source();
    Map<String, List<String>> pages = new LinkedHashMap<>();
    Map<String, Located> located = new LinkedHashMap<>();
    Map<String, KeyContext> out = new LinkedHashMap<>();
    Map<String, Where> where = where(source, variants);
    for (String key : where.keySet()) {
      String section = where.get(key).section();
      List<String> shownIn = where.get(key).variants();
      Optional<Integer> page = Optional.empty();
      Optional<String> image = Optional.empty();
      for (String variant : shownIn) {
        List<String> texts = pages.computeIfAbsent(variant, v -> pageTexts(englishPdf.apply(v)));
        Located pdf =
            pictures == null
                ? null
                : located.computeIfAbsent(variant, v -> Located.of(englishPdf.apply(v)));
        Messages messages = catalog.messages(Catalog.SOURCE_LOCALE, variant, profile);
        String unprefixed =
            key.startsWith(variant + ".") ? key.substring(variant.length() + 1) : key;
        String whole;
        try {
          whole = squeeze(messages.text(unprefixed));
        } catch (RuntimeException e) {
          continue;
        }
        String probe = whole.substring(0, Math.min(PROBE, whole.length()));
        for (int i = 0; i < texts.size() && !probe.isEmpty(); i++) {
          if (texts.get(i).contains(probe)) {
            page = Optional.of(i + 1);
            if (pdf != null && pictures != null) {
              image =
                  pdf.crop(i, whole, probe, pictures.resolve(key + ".png"))
                      .map(f -> pictures.getFileName() + "/" + f.getFileName());
            }
            break;
          }
        }
        if (page.isPresent()) {
          break;
        }
      }
      out.put(key, new KeyContext(section, shownIn, page, image));
    }
    return out;
  }

  /** Where each drawn character of a PDF is, page by page, and the pages as images. */
  private static final class Located {
    private static final float DPI = 96;
    private final List<String> text = new ArrayList<>();
    private final List<List<float[]>> boxes = new ArrayList<>();
    private final List<java.awt.image.BufferedImage> images = new ArrayList<>();

    static Located of(byte[] pdf) {
      Located l = new Located();
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        org.apache.pdfbox.rendering.PDFRenderer renderer =
            new org.apache.pdfbox.rendering.PDFRenderer(doc);
        for (int p = 0; p < doc.getNumberOfPages(); p++) {
          StringBuilder chars = new StringBuilder();
          List<float[]> where = new ArrayList<>();
          PDFTextStripper stripper =
              new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<org.apache.pdfbox.text.TextPosition> ps) {
                  for (org.apache.pdfbox.text.TextPosition t : ps) {
                    String u = squeeze(t.getUnicode());
                    for (int i = 0; i < u.length(); i++) {
                      chars.append(u.charAt(i));
                      where.add(
                          new float[] {
                            t.getXDirAdj(),
                            t.getYDirAdj() - t.getHeightDir(),
                            t.getXDirAdj() + t.getWidthDirAdj(),
                            t.getYDirAdj()
                          });
                    }
                  }
                }
              };
          stripper.setStartPage(p + 1);
          stripper.setEndPage(p + 1);
          stripper.getText(doc);
          l.text.add(chars.toString());
          l.boxes.add(where);
          l.images.add(renderer.renderImageWithDPI(p, DPI));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return l;
    }

    /** The full width of the page over the lines the message covers, with a little room. */
    Optional<Path> crop(int page, String whole, String probe, Path file) {
      String t = text.get(page);
      int at = t.indexOf(whole);
      int length = whole.length();
      if (at < 0) {
        at = t.indexOf(probe);
        length = probe.length();
      }
      if (at < 0) {
        return Optional.empty();
      }
      float top = Float.MAX_VALUE;
      float bottom = 0;
      for (int i = at; i < at + length && i < boxes.get(page).size(); i++) {
        top = Math.min(top, boxes.get(page).get(i)[1]);
        bottom = Math.max(bottom, boxes.get(page).get(i)[3]);
      }
      java.awt.image.BufferedImage img = images.get(page);
      float scale = DPI / 72f;
      int y0 = Math.max(0, (int) ((top - 8) * scale));
      int y1 = Math.min(img.getHeight(), (int) ((bottom + 8) * scale));
      if (y1 <= y0) {
        return Optional.empty();
      }
      try {
        java.nio.file.Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(
            img.getSubimage(0, y0, img.getWidth(), y1 - y0), "png", file.toFile());
        return Optional.of(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
        if (variants.keySet().stream()
            .anyMatch(id -> !id.equals(v.id()) && key.startsWith(id + "."))) {
          continue;
        }
        String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        boolean inSection = v.sections().contains(first);
        boolean furniture =
            !inSection && !variants.values().stream().anyMatch(x -> x.sections().contains(first));
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
