package org.noticepublisher.verify.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.bind.JAXBException;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.validation.profiles.ProfileDirectory;
import org.verapdf.pdfa.validation.profiles.Profiles;
import org.verapdf.pdfa.validation.profiles.ValidationProfile;

/**
 * veraPDF's own validation profiles, each parsed the first time it is asked for. veraPDF's {@link
 * Profiles#getVeraProfileDirectory()} parses all fifteen of its profiles (4.3 MB of XML) when first
 * touched, although a notice needs two (205 kB): in a fresh process that was the largest part of
 * veraPDF's start-up. The profiles are the same XML resources that directory reads, so the rules
 * are the same ({@code BuiltInProfilesTest} compares them with the directory's, and fails if
 * veraPDF moves or renames a resource).
 */
public final class BuiltInProfiles {
  /** Where veraPDF 1.30 keeps each profile a notice is validated against (core jar). */
  private static final Map<PDFAFlavour, String> RESOURCES =
      Map.of(
          PDFAFlavour.PDFUA_1, "PDFUA-1.xml",
          PDFAFlavour.PDFA_2_A, "PDFA-2A.xml",
          PDFAFlavour.PDFUA_2, "PDFUA-2-ISO32005.xml",
          PDFAFlavour.WTPDF_1_0_ACCESSIBILITY, "WTPDF-1-0-Accessibility.xml",
          PDFAFlavour.PDFA_4, "PDFA-4.xml");

  private static final String ROOT = "org/verapdf/pdfa/validation/";
  private static final Map<PDFAFlavour, ValidationProfile> PARSED = new ConcurrentHashMap<>();

  private BuiltInProfiles() {}

  /**
   * veraPDF's profile for {@code flavour}. Flavours a notice is never made to come from veraPDF's
   * directory (which parses them all once).
   *
   * @throws IllegalStateException if veraPDF's jar lacks the profile or it does not parse
   */
  public static ValidationProfile of(PDFAFlavour flavour) {
    Objects.requireNonNull(flavour, "flavour");
    if (!RESOURCES.containsKey(flavour)) {
      return directory().getValidationProfileByFlavour(flavour);
    }
    return PARSED.computeIfAbsent(flavour, BuiltInProfiles::parse);
  }

  /** The flavours this class reads itself, without veraPDF's directory. */
  public static Set<PDFAFlavour> loadedOnTheirOwn() {
    return RESOURCES.keySet();
  }

  private static ValidationProfile parse(PDFAFlavour flavour) {
    String resource = ROOT + RESOURCES.get(flavour);
    try (InputStream in = ValidationProfile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "veraPDF's profile for "
                + flavour
                + " is not at "
                + resource
                + ": has veraPDF moved its profiles?");
      }
      ValidationProfile profile = Profiles.profileFromXml(in);
      if (profile.getPDFAFlavour() != flavour) {
        throw new IllegalStateException(
            resource + " is the profile for " + profile.getPDFAFlavour() + ", not " + flavour);
      }
      return profile;
    } catch (IOException | JAXBException e) {
      throw new IllegalStateException("cannot read veraPDF's profile " + resource + ": " + e, e);
    }
  }

  private static ProfileDirectory directory() {
    return Profiles.getVeraProfileDirectory();
  }
}
