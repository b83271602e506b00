package org.noticepublisher.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File names of every paper, print size and standard: distinct, and the default's unchanged. */
class LayoutTest {
  @ParameterizedTest(name = "{0} large={1} {2} -> ''{3}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "A4     | false | UA1 | ''",
        "A4     | true  | UA1 | .a4-large-print",
        "A5     | false | UA1 | .a5",
        "LETTER | false | UA1 | .letter",
        "A4     | false | UA2 | .ua2",
        "A5     | true  | UA2 | .a5-large-print.ua2",
        "LETTER | false | UA2 | .letter.ua2"
      })
  void fileSuffix(Layout.PageSize paper, boolean large, Layout.Standard standard, String suffix) {
    assertEquals(suffix, new Layout(paper, large, standard).fileSuffix());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ua1, UA1", "UA2, UA2", "ua-2, UA2", "PDF/UA-2, UA2", "' ua1 ', UA1"})
  void standardNames(String text, Layout.Standard standard) {
    assertEquals(standard, Layout.Standard.parse(text));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource({"ua3", "a4", "''"})
  void unknownStandardSaysWhatIsAccepted(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Layout.Standard.parse(text));
    assertTrue(
        e.getMessage().contains("standard must be ua1") && e.getMessage().contains("ua2"),
        e.getMessage());
  }
}
