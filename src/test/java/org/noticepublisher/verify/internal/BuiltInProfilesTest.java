package org.noticepublisher.verify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.noticepublisher.verify.PdfValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.validation.profiles.Profiles;
import org.verapdf.pdfa.validation.profiles.ValidationProfile;

/**
 * The profiles read one by one are veraPDF's own: same flavour, same rules, same variables, same
 * digest as its directory's. If a veraPDF upgrade moves or renames a profile, this goes red.
 */
class BuiltInProfilesTest {
  @Test
  void everyProfileReadOnItsOwnIsTheDirectorysProfile() {
    for (PDFAFlavour flavour : BuiltInProfiles.loadedOnTheirOwn()) {
      ValidationProfile own = BuiltInProfiles.of(flavour);
      ValidationProfile directory =
          Profiles.getVeraProfileDirectory().getValidationProfileByFlavour(flavour);
      assertEquals(directory, own, flavour.toString());
      assertEquals(directory.getRules().size(), own.getRules().size(), flavour + " rules");
      assertTrue(own.getRules().size() > 50, flavour + " has its rules: " + own.getRules().size());
    }
  }

  @Test
  void everyStandardANoticeIsMadeToIsReadOnItsOwn() {
    assertTrue(BuiltInProfiles.loadedOnTheirOwn().containsAll(PdfValidator.PUBLISHING_STANDARDS));
    assertTrue(
        BuiltInProfiles.loadedOnTheirOwn().containsAll(PdfValidator.PUBLISHING_STANDARDS_UA2));
  }

  @Test
  void eachProfileIsParsedOnce() {
    assertSame(BuiltInProfiles.of(PDFAFlavour.PDFUA_1), BuiltInProfiles.of(PDFAFlavour.PDFUA_1));
  }

  @Test
  void otherFlavoursComeFromVeraPdfsDirectory() {
    assertEquals(PDFAFlavour.PDFA_1_B, BuiltInProfiles.of(PDFAFlavour.PDFA_1_B).getPDFAFlavour());
  }
}
