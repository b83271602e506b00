package org.noticepublisher.xliff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a message appears, for the translator's notes.
 *
 * @param section the section of the notice (a fragment under templates/sections/), or empty for the
 *     document's furniture (title, footer, dates)
 * @param variants the variants that show it
 * @param page the page of the English A4 PDF where its text first appears (1-based), if found
 * @param image a PNG crop of that place in the English PDF, relative to the XLIFF file, if made
 */
public record KeyContext(
    String section, List<String> variants, Optional<Integer> page, Optional<String> image) {
  public KeyContext {
    Objects.requireNonNull(section, "section");
    variants = List.copyOf(variants);
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(image, "image");
  }
}
