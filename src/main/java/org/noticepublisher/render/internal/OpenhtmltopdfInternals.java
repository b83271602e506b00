package org.noticepublisher.render.internal;

import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfContentStreamAdapter;
import java.awt.geom.AffineTransform;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The only place that reaches into openhtmltopdf 1.1.65 and PDFBox 3 beyond their public API, to
 * draw glyphs by id where openhtmltopdf would draw characters. Neither exposes a way to write glyph
 * ids or an ActualText span into a page: the content stream sits in a private field of {@link
 * PdfContentStreamAdapter}, its output in a protected field of PDFBox's content stream, and the
 * device's current transform and fill colour are private to {@link PdfBoxFastOutputDevice}.
 *
 * <p>Everything is looked up once, when the class loads: if a new version renames or removes any of
 * it, the class fails to initialise ({@code OpenhtmltopdfInternalsTest} turns red) instead of
 * drawing wrong text.
 */
final class OpenhtmltopdfInternals {
  private static final Field CONTENT_STREAM = field(PdfContentStreamAdapter.class, "cs");
  private static final Field OUTPUT =
      field(PDPageContentStream.class.getSuperclass(), "outputStream");
  private static final Method TRANSFORM = method(PdfBoxFastOutputDevice.class, "getTransform");
  private static final Method FILL_COLOUR = method(PdfBoxFastOutputDevice.class, "ensureFillColor");
  private static final Field FONT = field(PdfBoxFastOutputDevice.class, "_font");

  private OpenhtmltopdfInternals() {}

  /** Where raw content operators of the device's current page go. */
  static OutputStream pageContent(PdfBoxFastOutputDevice device) {
    try {
      Object stream = CONTENT_STREAM.get(device.getCurrentPage());
      return (OutputStream) OUTPUT.get(stream);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("openhtmltopdf internals changed: " + e, e);
    }
  }

  /** The font openhtmltopdf set on the device for the text it is about to draw. */
  static PdfBoxFSFont font(PdfBoxFastOutputDevice device) {
    try {
      return (PdfBoxFSFont) FONT.get(device);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("openhtmltopdf internals changed: " + e, e);
    }
  }

  /** Fails unless every internal this class uses is where it expects it (for a test). */
  static void check() {
    // Class initialisation has looked everything up; reaching this line is the check.
  }

  /** The device's current transform (page offset, CSS transforms). */
  static AffineTransform transform(PdfBoxFastOutputDevice device) {
    return new AffineTransform((AffineTransform) invoke(TRANSFORM, device));
  }

  /**
   * Writes the current CSS colour as the fill colour, as openhtmltopdf does before drawing text.
   */
  static void applyFillColour(PdfBoxFastOutputDevice device) {
    invoke(FILL_COLOUR, device);
  }

  private static Object invoke(Method method, Object target) {
    try {
      return method.invoke(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("openhtmltopdf internals changed: " + e, e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  private static Field field(Class<?> owner, String name) {
    try {
      Field f = owner.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(
          "field "
              + owner.getName()
              + "."
              + name
              + " is gone: the "
              + "glyph drawing of complex scripts needs updating for this openhtmltopdf/PDFBox",
          e);
    }
  }

  private static Method method(Class<?> owner, String name) {
    try {
      Method m = owner.getDeclaredMethod(name);
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "method "
              + owner.getName()
              + "."
              + name
              + "() is gone: the "
              + "glyph drawing of complex scripts needs updating for this openhtmltopdf",
          e);
    }
  }
}
