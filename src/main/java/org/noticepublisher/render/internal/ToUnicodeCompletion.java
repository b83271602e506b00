package org.noticepublisher.render.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Gives glyphs that no character maps to in the font (conjuncts, ligatures, contextual forms) an
 * entry in their font's ToUnicode map: the characters they stand for. PDF/UA-1 (7.21.7) and PDF/A-2
 * (6.2.11.7.2) require an entry for every glyph drawn, ActualText or not, and PDFBox writes entries
 * only for glyphs its font's cmap reaches. The ToUnicode map is only written when PDFBox subsets
 * the font, while the document is saved, so the document is saved once to subset, then completed.
 */
final class ToUnicodeCompletion {
  private ToUnicodeCompletion() {}

  /** Subsets the fonts (by saving {@code doc} to nowhere) and adds {@code extra} to their maps. */
  static void apply(PDDocument doc, Map<PDType0Font, Map<Integer, String>> extra)
      throws IOException {
    if (extra.isEmpty()) {
      return;
    }
    doc.save(OutputStream.nullOutputStream());
    for (Map.Entry<PDType0Font, Map<Integer, String>> e : extra.entrySet()) {
      COSStream stream = e.getKey().getCOSObject().getCOSStream(COSName.TO_UNICODE);
      Map<Integer, String> all = new TreeMap<>();
      if (stream != null) {
        CMap existing;
        try (var in = stream.createInputStream()) {
          existing = new CMapParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
        for (int code = 0; code <= 0xFFFF; code++) {
          String text = existing.toUnicode(code);
          if (text != null) {
            all.put(code, text);
          }
        }
      }
      e.getValue().forEach(all::putIfAbsent);
      COSStream replacement = doc.getDocument().createCOSStream();
      try (OutputStream out = replacement.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(cmap(all).getBytes(StandardCharsets.US_ASCII));
      }
      e.getKey().getCOSObject().setItem(COSName.TO_UNICODE, replacement);
    }
  }

  private static String cmap(Map<Integer, String> mappings) {
    StringBuilder sb =
        new StringBuilder()
            .append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    var entries = mappings.entrySet().stream().toList();
    for (int i = 0; i < entries.size(); i += 100) {
      var block = entries.subList(i, Math.min(entries.size(), i + 100));
      sb.append(block.size()).append(" beginbfchar\n");
      for (var m : block) {
        sb.append(String.format(Locale.ROOT, "<%04X> <", m.getKey()));
        for (byte b : m.getValue().getBytes(StandardCharsets.UTF_16BE)) {
          sb.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
        sb.append(">\n");
      }
      sb.append("endbfchar\n");
    }
    return sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        .toString();
  }
}
