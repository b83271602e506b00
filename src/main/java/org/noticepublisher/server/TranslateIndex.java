package org.noticepublisher.server;

import java.util.List;

/**
 * The translators' list of bundles (pseudo-locales are generated, so they are not listed).
 *
 * @param locales a line per translatable locale
 */
record TranslateIndex(List<Entry> locales) {

  /**
   * @param review "reviewed" or "draft"
   * @param editable whether the person asking may edit it
   */
  record Entry(String locale, String name, String dir, String review, boolean editable) {}
}
