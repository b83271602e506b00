package org.noticepublisher.assemble;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.catalog.PropertiesFile;

/**
 * What UK GDPR Article 13 (and 14) requires a notice to tell, and which sections tell it, read from
 * {@code templates/article-13.properties}: a variant that includes none of the sections for an item
 * does not give readers what the law says they must be told.
 */
public final class LegalCoverage {
  /** The items of Articles 13 and 14 the project knows; a misspelt one would check nothing. */
  public static final List<String> ITEMS =
      List.of(
          "controller-identity-and-contact",
          "dpo-contact",
          "purposes",
          "lawful-basis",
          "recipients",
          "international-transfers",
          "retention-period",
          "rights",
          "right-to-withdraw-consent",
          "right-to-complain-to-the-ico",
          "whether-providing-data-is-required",
          "automated-decision-making",
          "source-of-data");

  private final PropertiesFile file;

  private LegalCoverage(PropertiesFile file) {
    this.file = file;
  }

  public static LegalCoverage load(Path file) throws FindingsException {
    PropertiesFile props = PropertiesFile.load(file);
    List<Finding> unknown = props.unknownKeys(ITEMS::contains, ITEMS, "the Article 13 items");
    if (!unknown.isEmpty()) {
      throw new FindingsException(unknown);
    }
    return new LegalCoverage(props);
  }

  /** Item → the sections any one of which covers it. */
  public Map<String, List<String>> items() {
    Map<String, List<String>> items = new java.util.LinkedHashMap<>();
    file.values()
        .forEach(
            (item, sections) ->
                items.put(
                    item,
                    Arrays.stream(sections.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList()));
    return items;
  }

  /** Items the variant covers, with the first of its sections that covers each. */
  public Map<String, String> coverage(Variant variant) {
    Map<String, String> covered = new java.util.LinkedHashMap<>();
    items()
        .forEach(
            (item, sections) ->
                sections.stream()
                    .filter(variant.sections()::contains)
                    .findFirst()
                    .ifPresent(s -> covered.put(item, s)));
    return covered;
  }

  /** One error per item the variant leaves out. */
  public List<Finding> check(Variant variant) {
    List<Finding> missing = new ArrayList<>();
    Map<String, String> covered = coverage(variant);
    items()
        .forEach(
            (item, sections) -> {
              if (!covered.containsKey(item)) {
                missing.add(
                    Finding.error(
                            "article-13." + item,
                            "variant '"
                                + variant.id()
                                + "' does not tell readers about "
                                + item.replace('-', ' '))
                        .at(variant.file().toString(), 0)
                        .withFix(
                            "add one of these sections: "
                                + sections
                                + " ("
                                + file.file()
                                + " line "
                                + file.lineOf(item)
                                + ")"));
              }
            });
    return missing;
  }
}
