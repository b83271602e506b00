package org.noticepublisher.render.internal;

import static com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.ITALIC;
import static com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A font file that ships with the project (under {@code /fonts} on the class path), held in memory so
 * that every render reads the same bytes without touching the disk.
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
        load("NanumGothic", 400, NORMAL, "NanumGothic.ttf"),
        load("NanumGothic", 700, NORMAL, "NanumGothicBold.ttf"));
  }

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
