package org.noticepublisher.assemble.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.noticepublisher.catalog.Messages;

/**
 * {@code np:text="key"}: replaces the element's body with the escaped message, turning each {@code
 * {link_name}} argument into a link (or plain words and a visible placeholder after the text when
 * the profile lacks its address). In a translation the organisation's English name is marked as
 * English.
 */
final class MessageTextProcessor extends MarkupProcessor {

  MessageTextProcessor(String prefix) {
    super(prefix, "text");
  }

  @Override
  void write(Markup out, String key) {
    List<String> unconfirmed = new ArrayList<>();
    String[] slots = out.isEnglish() ? new String[0] : new String[] {"organisation"};
    List<Messages.Segment> segments = out.messages().segments(key, Map.of(), slots);
    out.bodyInLanguageOf(
        key,
        () -> {
          for (Messages.Segment s : segments) {
            String slot = s.slot();
            if (slot == null) {
              out.text(s.text());
            } else if (slot.equals("organisation")) {
              out.english(out.profile().name());
            } else if (slot.startsWith(Messages.LINK_PREFIX)) {
              out.namedLink(slot.substring(Messages.LINK_PREFIX.length()))
                  .ifPresent(unconfirmed::add);
            }
          }
        });
    for (String fact : unconfirmed) {
      out.text(" ").placeholder(fact);
    }
  }
}
