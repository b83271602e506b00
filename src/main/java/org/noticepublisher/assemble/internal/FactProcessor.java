package org.noticepublisher.assemble.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code np:fact="dpo.email"}: a labelled fact from the organisation profile ({@code contact.email}
 * labels it), as a link where it is an address, or a placeholder ({@code fact.dpo.email} describes
 * it) when the profile leaves it empty.
 */
final class FactProcessor extends MarkupProcessor {
  FactProcessor(String prefix) {
    super(prefix, "fact");
  }

  @Override
  void write(Markup out, String fact) {
    String kind = fact.substring(fact.lastIndexOf('.') + 1);
    String value = out.profile().fact(fact).orElse(null);
    var segments = out.messages().segments("contact." + kind, Map.of(), "value");
    out.bodyInLanguageOf("contact." + kind, () -> write(out, fact, kind, value, segments));
  }

  private static void write(
      Markup out,
      String fact,
      String kind,
      @Nullable String value,
      java.util.List<org.noticepublisher.catalog.Messages.Segment> segments) {
    for (var s : segments) {
      if (!s.isSlot()) {
        out.text(s.text());
      } else if (value == null) {
        out.placeholder(out.messages().text("fact." + fact));
      } else if (kind.equals("email")) {
        out.link("mailto:" + value, value);
      } else if (kind.equals("website")) {
        out.link(value, value.replaceFirst("^https?://", ""));
      } else {
        // Addresses and numbers are written as the profile gives them, in English.
        out.english(value);
      }
    }
  }
}
