package org.noticepublisher.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.verify.internal.BuiltInProfiles;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Profiles;
import org.verapdf.pdfa.validation.profiles.ValidationProfile;
import org.verapdf.pdfa.validation.validators.BaseValidator;
import org.verapdf.pdfa.validation.validators.ValidatorFactory;

/**
 * Validates PDFs in-process with veraPDF. By default against PDF/UA-1 and PDF/A-2a, the two
 * standards every published notice must meet; against PDF/UA-2, WTPDF 1.0 accessibility and PDF/A-4
 * for notices made to those; or against a profile loaded from XML (e.g. WCAG 2.2 machine). Each
 * failed rule becomes one finding with its rule id, how often it failed and where first.
 */
public final class PdfValidator {
  /** The standards every notice must meet. */
  public static final List<PDFAFlavour> PUBLISHING_STANDARDS =
      List.of(PDFAFlavour.PDFUA_1, PDFAFlavour.PDFA_2_A);

  /** The standards a notice made for PDF/UA-2 must meet. */
  public static final List<PDFAFlavour> PUBLISHING_STANDARDS_UA2 =
      List.of(PDFAFlavour.PDFUA_2, PDFAFlavour.WTPDF_1_0_ACCESSIBILITY, PDFAFlavour.PDFA_4);

  /**
   * A short notice made by this project's renderer, validated once in the background to warm
   * veraPDF up; {@code WarmUpSampleTest} makes it and checks that it exercises every rule our
   * notices do.
   */
  static final String WARM_UP = "warm-up.pdf";

  /**
   * veraPDF's own threads: the set-up, the warm-up and {@link #validateAsync}. Idle ones are reused
   * first, which matters: veraPDF compiles each rule's script once per thread, so the thread that
   * warmed up is the quick one. Daemons, so an idle one does not keep a command from ending.
   */
  private static final ExecutorService THREADS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "verapdf");
            t.setDaemon(true);
            return t;
          });

  private static final Object INIT = new Object();
  private static @Nullable CompletableFuture<Void> setUp;

  private final @Nullable ValidationProfile profile;
  private final List<PDFAFlavour> flavours;
  private final String description;

  private PdfValidator(
      @Nullable ValidationProfile profile, List<PDFAFlavour> flavours, String description) {
    this.profile = profile;
    this.flavours = flavours;
    this.description = description;
  }

  /** Validates against PDF/UA-1 and PDF/A-2a. */
  public static PdfValidator publishingStandards() {
    return publishingStandards(Layout.Standard.UA1);
  }

  /** Validates against the standards a notice made for {@code standard} must meet. */
  public static PdfValidator publishingStandards(Layout.Standard standard) {
    Objects.requireNonNull(standard, "standard");
    return switch (standard) {
      case UA1 -> new PdfValidator(null, PUBLISHING_STANDARDS, "PDF/UA-1 + PDF/A-2a");
      case UA2 ->
          new PdfValidator(
              null, PUBLISHING_STANDARDS_UA2, "PDF/UA-2 + WTPDF 1.0 accessibility + PDF/A-4");
    };
  }

  /** Validates against a veraPDF profile read from an XML file. */
  public static PdfValidator fromProfile(Path xml) throws FindingsException {
    initialise();
    try (InputStream in = Files.newInputStream(xml)) {
      ValidationProfile profile = Profiles.profileFromXml(in);
      return new PdfValidator(profile, List.of(), profile.getDetails().getName());
    } catch (IOException | javax.xml.bind.JAXBException e) {
      throw new FindingsException(
          Finding.error("profile", "cannot read veraPDF profile: " + e).at(xml.toString(), 0));
    }
  }

  /**
   * Starts veraPDF's one-time set-up (its model and the PDF/UA-1 and PDF/A-2a profiles) on one of
   * its threads, so that it overlaps with loading the sources and rendering the first notice; then,
   * on the same thread, validates a small notice shipped for the purpose and throws the result
   * away. That first validation costs a cold process about a second of CPU (veraPDF's classes, the
   * JIT, Rhino compiling each rule's script), which now overlaps with rendering instead of
   * following it. Later calls do nothing; {@link #validate} waits for the set-up only.
   */
  public static void prepareInBackground() {
    start(true);
  }

  private static void start(boolean warmUp) {
    synchronized (INIT) {
      if (setUp == null) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        setUp = future;
        THREADS.execute(
            () -> {
              try {
                VeraGreenfieldFoundryProvider.initialise();
                PUBLISHING_STANDARDS.forEach(BuiltInProfiles::of);
                future.complete(null);
              } catch (Throwable e) {
                future.completeExceptionally(e);
                return;
              }
              if (warmUp) {
                warmUp();
              }
            });
      }
    }
  }

  /**
   * Validates {@link #WARM_UP}. Nothing depends on its result: a sample that could not be read or
   * validated only leaves the first real validation as slow as it was.
   */
  private static void warmUp() {
    try (InputStream in = PdfValidator.class.getResourceAsStream(WARM_UP)) {
      if (in != null) {
        publishingStandards().validate(in.readAllBytes(), WARM_UP);
      }
    } catch (IOException | RuntimeException e) {
      // Only speed is lost; the real validations report whatever is wrong with veraPDF.
    }
  }

  private static void initialise() {
    start(false);
    joined(Objects.requireNonNull(setUp, "set-up"), "veraPDF could not be set up"); // just started
  }

  /**
   * {@code future}'s value; what it threw on veraPDF's thread is thrown here, as if it had run on
   * this one.
   */
  private static <T> T joined(CompletableFuture<T> future, String failure) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = Objects.requireNonNullElse(e.getCause(), e);
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(failure + ": " + cause, cause);
    }
  }

  /** What this validator checks, for reports: "PDF/UA-1 + PDF/A-2a" or the profile's name. */
  public String describe() {
    return description;
  }

  /** veraPDF's results for {@code pdf}, one per standard, in the order the standards are named. */
  List<ValidationResult> results(byte[] pdf)
      throws ModelParsingException, EncryptedPdfException, ValidationException, IOException {
    initialise();
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(
                    new ByteArrayInputStream(pdf),
                    parserFlavour(),
                    flavours.isEmpty() ? PDFAFlavour.PDFA_2_A : flavours.get(flavours.size() - 1));
        PDFAValidator validator =
            profile == null
                // What Foundries' createValidator(flavours) builds, from profiles parsed one by
                // one.
                ? ValidatorFactory.createValidatorByProfiles(
                    flavours.stream().map(BuiltInProfiles::of).toList(),
                    BaseValidator.DEFAULT_MAX_NUMBER_OF_DISPLAYED_FAILED_CHECKS,
                    false,
                    false,
                    false)
                : Foundries.defaultInstance().createValidator(profile, false)) {
      return profile == null ? validator.validateAll(parser) : List.of(validator.validate(parser));
    }
  }

  /** Only tells veraPDF's parser how to read the file; the validator names the standards. */
  private PDFAFlavour parserFlavour() {
    return flavours.isEmpty() ? PDFAFlavour.PDFUA_1 : flavours.get(0);
  }

  /**
   * Starts {@link #validate} on one of veraPDF's own threads, so the caller can do other work
   * meanwhile.
   */
  public Running validateAsync(byte[] pdf, String source) {
    Objects.requireNonNull(pdf, "pdf");
    return new Running(CompletableFuture.supplyAsync(() -> validate(pdf, source), THREADS));
  }

  /** A validation started by {@link #validateAsync}. */
  public static final class Running {
    private final CompletableFuture<List<Finding>> findings;

    private Running(CompletableFuture<List<Finding>> findings) {
      this.findings = findings;
    }

    /**
     * Waits for the findings ({@link #validate}'s); what the validation threw is thrown here, as
     * {@link #validate} would have.
     */
    public List<Finding> findings() {
      return joined(findings, "validation failed");
    }
  }

  /** Findings for every failed rule; empty when the PDF is compliant. */
  public List<Finding> validate(byte[] pdf, String source) {
    Objects.requireNonNull(pdf, "pdf");
    List<ValidationResult> results;
    try {
      results = results(pdf);
    } catch (ModelParsingException | EncryptedPdfException e) {
      return List.of(
          Finding.error("verapdf.parse", "veraPDF cannot read the file: " + e.getMessage())
              .at(source, 0));
    } catch (ValidationException | IOException e) {
      return List.of(Finding.error("verapdf", "validation did not complete: " + e).at(source, 0));
    }
    List<Finding> findings = new ArrayList<>();
    for (ValidationResult result : results) {
      if (result.isCompliant()) {
        continue;
      }
      Map<String, List<TestAssertion>> byRule = new TreeMap<>();
      for (TestAssertion a : result.getTestAssertions()) {
        if (a.getStatus() == TestAssertion.Status.FAILED) {
          String rule =
              a.getRuleId().getSpecification()
                  + " "
                  + a.getRuleId().getClause()
                  + "-"
                  + a.getRuleId().getTestNumber();
          byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(a);
        }
      }
      if (byRule.isEmpty()) {
        findings.add(
            Finding.error(
                    "verapdf." + result.getPDFAFlavour(),
                    "not compliant with " + result.getPDFAFlavour())
                .at(source, 0));
      }
      byRule.forEach(
          (rule, failures) -> {
            TestAssertion first = failures.get(0);
            String where = first.getLocation() == null ? "" : first.getLocation().getContext();
            findings.add(
                Finding.error(
                        rule,
                        first.getMessage()
                            + " ("
                            + failures.size()
                            + (failures.size() == 1 ? " failure" : " failures")
                            + ", first at "
                            + where
                            + ")")
                    .at(source, 0));
          });
    }
    return findings;
  }
}
