package org.noticepublisher.assemble;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.catalog.internal.PropertiesFile;

/**
 * What UK GDPR Article 13 (and 14) requires a notice to tell, and which sections tell it, read from
 * {@code templates/article-13.properties}: a variant that includes none of the sections for an item
 * does not give readers what the law says they must be told.
 */
public final class LegalCoverage {
  private final PropertiesFile file;

  private LegalCoverage(PropertiesFile file) {
    this.file = file;
  }

  public static LegalCoverage load(Path file) throws FindingsException {
    return new LegalCoverage(PropertiesFile.load(file));
  }

  /** Item → the sections any one of which covers it. */
  public Map<String, List<String>> items() {
    Map<String, List<String>> items = new java.util.LinkedHashMap<>();
    file.values().forEach((item, sections) -> items.put(item,
        Arrays.stream(sections.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
    return items;
  }

  /** Items the variant covers, with the first of its sections that covers each. */
  public Map<String, String> coverage(Variant variant) {
    Map<String, String> covered = new java.util.LinkedHashMap<>();
    items().forEach((item, sections) -> sections.stream().filter(variant.sections()::contains)
        .findFirst().ifPresent(s -> covered.put(item, s)));
    return covered;
  }

  /** One error per item the variant leaves out. */
  public List<Finding> check(Variant variant) {
    List<Finding> missing = new ArrayList<>();
    Map<String, String> covered = coverage(variant);
    items().forEach((item, sections) -> {
      if (!covered.containsKey(item)) {
        missing.add(Finding.error("article-13." + item, "variant '" + variant.id()
                + "' does not tell readers about " + item.replace('-', ' '))
            .at(variant.file().toString(), 0)
            .withFix("add one of these sections: " + sections + " (" + file.file() + " line "
                + file.lineOf(item) + ")"));
      }
    });
    return missing;
  }
}
