package org.noticepublisher.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.noticepublisher.Finding;
import org.noticepublisher.NoticeId;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.OrganisationProfile;
import org.noticepublisher.verify.PageBounds;

/**
 * Where a notice's text comes from: the bundles of its locale's fallback chain and the organisation
 * profile. A problem found in the rendered text (a character no font draws, a word that runs off
 * the page) is traced back to the file, line and key a translator or editor has to change.
 */
final class SourceText {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** One source line: a message or a profile fact. */
  record Place(String file, int line, String key) {}

  private final List<Bundle> chain;
  private final OrganisationProfile profile;

  SourceText(List<Bundle> chain, OrganisationProfile profile) {
    this.chain = chain;
    this.profile = profile;
  }

  /** Every message and fact whose text passes {@code test}, the notice's own bundle first. */
  List<Place> containing(Predicate<String> test) {
    List<Place> places = new ArrayList<>();
    for (Bundle b : chain) {
      for (String key : b.keys()) {
        if (test.test(b.pattern(key).orElse(""))) {
          places.add(new Place(b.file().toString(), b.lineOf(key), key));
        }
      }
    }
    for (String key : profile.keys()) {
      if (profile.fact(key).filter(test).isPresent()) {
        places.add(new Place(profile.file().toString(), profile.lineOf(key), key));
      }
    }
    return places;
  }

  /** {@code pdfFile} is named when no source holds the character (the template, say). */
  Finding uncoveredGlyph(int codePoint, NoticeId id, String pdfFile) {
    String c = Character.toString(codePoint);
    String what =
        String.format(
            "no shipped font has a glyph for U+%04X '%s' (%s)",
            codePoint, c, Character.getName(codePoint));
    return placed(containing(v -> v.contains(c)), "glyph", what, id, pdfFile)
        .withFix("ship a font for this script (src/main/resources/fonts) or replace the character");
  }

  Finding offPage(PageBounds.OffPage off, NoticeId id, String pdfFile) {
    String drawn = SPACE.matcher(off.glyphs()).replaceAll("");
    // A run of the misplaced glyphs long enough to be found in one message only.
    String probe = drawn.substring(0, Math.min(drawn.length(), 24));
    List<Place> places =
        probe.isEmpty()
            ? List.of()
            : containing(v -> SPACE.matcher(v).replaceAll("").contains(probe));
    String what =
        (off.footerBand()
                ? off.count() + " characters drawn over the page footer"
                : off.count() + " characters drawn off the page")
            + " on page "
            + off.page()
            + ": '"
            + abbreviate(off.glyphs())
            + "'";
    return placed(places, "layout.off-page", what, id, pdfFile)
        .withFix(
            off.footerBand()
                ? "fix the style sheet that moves the text into the bottom margin"
                : "let the text wrap (word-wrap: break-word, as notice.css sets for every element), "
                    + "or shorten the unbroken word, URL or number");
  }

  private static Finding placed(
      List<Place> places, String code, String what, NoticeId id, String pdfFile) {
    Optional<Place> first = places.stream().findFirst();
    String also =
        places.size() > 1
            ? "; also in "
                + places.subList(1, Math.min(places.size(), 4)).stream().map(p -> p.key()).toList()
            : "";
    return first
        .map(p -> Finding.error(p.key(), what + " in notice " + id + also).at(p.file(), p.line()))
        .orElseGet(() -> Finding.error(code, what).at(pdfFile, 0));
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "…";
  }
}
