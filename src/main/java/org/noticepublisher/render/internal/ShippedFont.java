package org.noticepublisher.render.internal;

import static com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.ITALIC;
import static com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A font file that ships with the project (under {@code /fonts} on the class path), held in memory
 * so that every render reads the same bytes without touching the disk.
 */
public record ShippedFont(String family, int weight, FontStyle style, String file, byte[] bytes) {

  /** Every font the PDFs may use, in fallback order; CSS must name only these families. */
  public static List<ShippedFont> loadAll() {
    return List.of(
        load("Noto Sans", 400, NORMAL, "NotoSans-Regular.ttf"),
        load("Noto Sans", 700, NORMAL, "NotoSans-Bold.ttf"),
        load("Noto Sans", 400, ITALIC, "NotoSans-Italic.ttf"),
        load("Noto Sans", 700, ITALIC, "NotoSans-BoldItalic.ttf"),
        load("Noto Naskh Arabic", 400, NORMAL, "NotoNaskhArabic-Regular.ttf"),
        load("Noto Naskh Arabic", 700, NORMAL, "NotoNaskhArabic-Bold.ttf"),
        load("Noto Sans Tamil", 400, NORMAL, "NotoSansTamil-Regular.ttf"),
        load("Noto Sans Tamil", 700, NORMAL, "NotoSansTamil-Bold.ttf"),
        load("Noto Sans Bengali", 400, NORMAL, "NotoSansBengali-Regular.ttf"),
        load("Noto Sans Bengali", 700, NORMAL, "NotoSansBengali-Bold.ttf"),
        load("Noto Sans Gujarati", 400, NORMAL, "NotoSansGujarati-Regular.ttf"),
        load("Noto Sans Gujarati", 700, NORMAL, "NotoSansGujarati-Bold.ttf"),
        load("Noto Sans Gurmukhi", 400, NORMAL, "NotoSansGurmukhi-Regular.ttf"),
        load("Noto Sans Gurmukhi", 700, NORMAL, "NotoSansGurmukhi-Bold.ttf"),
        load("Noto Nastaliq Urdu", 400, NORMAL, "NotoNastaliqUrdu-Regular.ttf"),
        load("Noto Nastaliq Urdu", 700, NORMAL, "NotoNastaliqUrdu-Bold.ttf"),
        load("NanumGothic", 400, NORMAL, "NanumGothic.ttf"),
        load("NanumGothic", 700, NORMAL, "NanumGothicBold.ttf"));
  }

  /**
   * Fonts whose script cannot be drawn character by character (reordering, conjuncts, marks): they
   * are shaped by the JDK's layout engine ({@link ShapingTextRenderer}), never by openhtmltopdf.
   */
  public boolean shapedByJdk() {
    return SHAPED_FAMILIES.contains(family);
  }

  private static final java.util.Set<String> SHAPED_FAMILIES =
      java.util.Set.of(
          "Noto Sans Tamil",
          "Noto Sans Bengali",
          "Noto Sans Gujarati",
          "Noto Sans Gurmukhi",
          "Noto Nastaliq Urdu");

  private static ShippedFont load(String family, int weight, FontStyle style, String file) {
    try (InputStream in = ShippedFont.class.getResourceAsStream("/fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the class path: /fonts/" + file);
      }
      return new ShippedFont(family, weight, style, file, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
