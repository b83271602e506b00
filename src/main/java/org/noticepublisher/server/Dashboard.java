package org.noticepublisher.server;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard (and {@code /api/dashboard}): every variant in every locale at a glance.
 *
 * @param variants the variant ids, the grid's columns
 * @param locales a row per locale of the catalog
 * @param openFacts facts of the organisation profile still to be confirmed
 * @param organisation the organisation's name
 */
record Dashboard(
    List<String> variants, List<Row> locales, List<FindingView> openFacts, String organisation) {

  /**
   * One locale: its translation's state and a cell per variant.
   *
   * @param review "reviewed", "draft" or "generated" (pseudo-locales)
   * @param untranslated messages still in English
   * @param stale messages whose English changed since they were translated
   * @param editable whether the person asking may edit this bundle
   */
  record Row(
      String locale,
      String name,
      String dir,
      String review,
      int untranslated,
      int stale,
      boolean editable,
      List<Cell> cells) {}

  /**
   * One notice.
   *
   * @param verdict "passes", "fails" or "not checked" (not rendered from the current sources yet)
   * @param firstFinding the first error when it fails
   * @param published what is published of it, if anything
   */
  record Cell(
      String variant,
      String locale,
      String href,
      String verdict,
      @Nullable String firstFinding,
      @Nullable Published published) {}
}
