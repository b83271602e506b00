package org.noticepublisher.render;

import java.util.Objects;

/**
 * A PDF as bytes, before validation decides whether it may be published.
 *
 * @param bytes the file
 * @param pages number of pages
 */
public record RenderedPdf(byte[] bytes, int pages) {
  public RenderedPdf {
    Objects.requireNonNull(bytes, "bytes");
    if (pages < 1) {
      throw new IllegalArgumentException("pages must be >= 1, was " + pages);
    }
  }
}
