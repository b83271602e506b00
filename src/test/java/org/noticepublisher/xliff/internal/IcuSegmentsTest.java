package org.noticepublisher.xliff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole sentences per plural form, as a CAT tool returns them, become one ICU message again. */
class IcuSegmentsTest {
  @Test
  void sharedTextBeforeAndAfterTheChoiceStaysOutsideIt() {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("one", "About # minute to read");
    forms.put("other", "About # minutes to read");
    assertEquals(
        "About {minutes, plural, one {# minute} other {# minutes}} to read",
        IcuSegments.recombine("minutes", "plural", forms));
  }

  @Test
  void aSharedCodeIsNeverSplit() {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("one", "{organisation} keeps it # year, {organisation}");
    forms.put("other", "{organisation} keeps it # years, {organisation}");
    assertEquals(
        "{organisation} keeps it {years, plural, one {# year,} other {# years,}}"
            + " {organisation}",
        IcuSegments.recombine("years", "plural", forms));
  }
}
