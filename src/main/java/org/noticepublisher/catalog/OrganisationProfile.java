package org.noticepublisher.catalog;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;

/**
 * The facts a notice states about the organisation that publishes it, read from one file so that
 * another organisation can reuse the tool by editing it. Unknown facts stay empty and are reported,
 * never guessed.
 */
public final class OrganisationProfile {
  /**
   * Facts without which a notice is incomplete; each empty one is reported and shown as a
   * placeholder.
   */
  public static final List<String> REQUIRED =
      List.of(
          "organisation.name",
          "organisation.website",
          "ico.registration",
          "dpo.email",
          "dpo.postal",
          "dpo.phone",
          "ico.website",
          "answer.transfers",
          "answer.automated-decisions",
          "notice.published");

  /** Facts a notice may state besides the required ones; {@code link.<name>} keys come on top. */
  public static final List<String> OPTIONAL = List.of("ico.phone", "ico.postal");

  /** Facts whose value is a link target. */
  private static final List<String> ADDRESSES = List.of("organisation.website", "ico.website");

  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("[^\\s@:/<>\"]+@[^\\s@:/<>\"]+\\.[^\\s@:/<>\"]+");

  /** The answers an {@code answer.*} fact may give; empty means not known yet. */
  public static final List<String> ANSWERS = List.of("none", "yes");

  private final PropertiesFile file;
  private final LocalDate published;

  private OrganisationProfile(PropertiesFile file, LocalDate published) {
    this.file = file;
    this.published = published;
  }

  public static OrganisationProfile load(Path file) throws FindingsException {
    PropertiesFile props = PropertiesFile.load(file);
    String name = props.values().getOrDefault("organisation.name", "");
    if (name.isEmpty()) {
      throw new FindingsException(
          Finding.error("organisation.name", "the organisation's name is required")
              .at(file.toString(), props.lineOf("organisation.name"))
              .withFix("set organisation.name = <the name printed on every notice>"));
    }
    for (var e : props.values().entrySet()) {
      if (e.getKey().startsWith("answer.")
          && !e.getValue().isEmpty()
          && !ANSWERS.contains(e.getValue())) {
        throw new FindingsException(
            Finding.error(e.getKey(), "'" + e.getValue() + "' is not an answer")
                .at(file.toString(), props.lineOf(e.getKey()))
                .withFix("write one of " + ANSWERS + ", or leave it empty while unknown"));
      }
    }
    String date = props.values().getOrDefault("notice.published", "");
    LocalDate published;
    try {
      published = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new FindingsException(
          Finding.error("notice.published", "not an ISO date: '" + date + "'")
              .at(file.toString(), props.lineOf("notice.published"))
              .withFix("write the date this edition takes effect as YYYY-MM-DD"));
    }
    return new OrganisationProfile(props, published);
  }

  public Path file() {
    return file.file();
  }

  /**
   * What is wrong with the profile that loading cannot see alone: keys nobody reads (a misspelt key
   * would leave its fact empty; {@code link.<name>} must name a link of {@code source}), link
   * targets that are not {@link LinkTarget safe}, an e-mail address that is not one, and invisible
   * characters. Errors stop every notice; warnings ({@code http:} links) are shown.
   */
  public List<Finding> check(Bundle source) {
    List<Finding> findings = new ArrayList<>();
    java.util.Set<String> known = new java.util.LinkedHashSet<>(REQUIRED);
    known.addAll(OPTIONAL);
    source.keys().stream().filter(k -> k.startsWith("link.")).forEach(known::add);
    findings.addAll(file.unknownKeys(known::contains, known, "the organisation profile"));
    String where = file.file().toString();
    for (var e : file.values().entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (value.isEmpty()) {
        continue;
      }
      for (var c : org.noticepublisher.catalog.internal.InvisibleCharacters.in(value)) {
        findings.add(
            Finding.error(key, "invisible control character " + c.describe())
                .at(where, lineOf(key))
                .withFix(c.fix()));
      }
      if (key.startsWith("link.") || ADDRESSES.contains(key)) {
        switch (LinkTarget.of(value)) {
          case REFUSED ->
              findings.add(
                  Finding.error(
                          key,
                          "link target '"
                              + LinkTarget.shown(value)
                              + "' is not allowed: a notice links only to "
                              + LinkTarget.ALLOWED)
                      .at(where, lineOf(key))
                      .withFix("write the full address, e.g. https://www.example.org/page"));
          case UNENCRYPTED ->
              findings.add(
                  Finding.warning(
                          key,
                          "link target uses http:, which "
                              + "readers' browsers may block or warn about")
                      .at(where, lineOf(key))
                      .withFix("use the https: address if the site has one"));
          case SAFE -> {}
        }
      } else if (key.endsWith(".email") && !EMAIL.matcher(value).matches()) {
        findings.add(
            Finding.error(key, "not an e-mail address: '" + LinkTarget.shown(value) + "'")
                .at(where, lineOf(key))
                .withFix(
                    "write the address alone, e.g. dpo@example.org (the notice adds mailto:)"));
      }
    }
    return findings;
  }

  public String name() {
    return fact("organisation.name").orElseThrow();
  }

  /** The date this edition takes effect; also the PDFs' creation date, for reproducible bytes. */
  public LocalDate published() {
    return published;
  }

  /** A fact's value, empty when the profile leaves it blank or lacks it. */
  public Optional<String> fact(String key) {
    return Optional.ofNullable(file.values().get(key)).filter(v -> !v.isBlank());
  }

  /** Where link {@code name} points, when the profile knows; {@code link.<name>} in the file. */
  public Optional<String> link(String name) {
    return fact("link." + name);
  }

  /** Every key of the profile, in file order. */
  public java.util.Set<String> keys() {
    return file.values().keySet();
  }

  public int lineOf(String key) {
    return file.lineOf(key);
  }

  /** One warning per required fact or named link target that the profile leaves empty. */
  public List<Finding> missingFacts() {
    List<Finding> missing = new ArrayList<>();
    for (String key : REQUIRED) {
      if (fact(key).isEmpty()) {
        missing.add(missing(key));
      }
    }
    for (String key : file.values().keySet()) {
      if (key.startsWith("link.") && fact(key).isEmpty()) {
        missing.add(missing(key));
      }
    }
    return missing;
  }

  private Finding missing(String key) {
    return Finding.warning(key, "not known: notices show a '[To be confirmed]' placeholder")
        .at(file.file().toString(), file.lineOf(key))
        .withFix("fill in " + key + " in the organisation profile");
  }

  /** The named arguments every message may use, e.g. {@code {organisation}}. */
  public Map<String, Object> arguments() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("organisation", name());
    args.put("icoRegistration", fact("ico.registration").orElse(""));
    args.put("website", fact("organisation.website").orElse(""));
    args.put("published", Date.from(published.atStartOfDay(ZoneOffset.UTC).toInstant()));
    return args;
  }
}
