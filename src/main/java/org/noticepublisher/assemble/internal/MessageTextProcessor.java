package org.noticepublisher.assemble.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.noticepublisher.catalog.Messages;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code np:text="key"}: replaces the element's body with the escaped message, turning each {@code
 * {link_name}} argument into a link (or plain words and a visible placeholder after the text when the
 * profile lacks its address). In a translation the organisation's English name is marked as English.
 */
final class MessageTextProcessor extends AbstractAttributeTagProcessor {

  MessageTextProcessor(String prefix) {
    super(TemplateMode.HTML, prefix, null, false, "text", true, 1300, true);
  }

  @Override
  protected void doProcess(
      ITemplateContext context,
      IProcessableElementTag tag,
      AttributeName attributeName,
      String attributeValue,
      IElementTagStructureHandler structure) {
    String key = Markup.evaluate(context, attributeValue);
    Markup out = new Markup(context);
    List<String> unconfirmed = new ArrayList<>();
    String[] slots = out.isEnglish() ? new String[0] : new String[] {"organisation"};
    for (Messages.Segment s : out.messages().segments(key, Map.of(), slots)) {
      if (!s.isSlot()) {
        out.text(s.text());
      } else if (s.slot().equals("organisation")) {
        out.english(out.profile().name());
      } else if (s.slot().startsWith(Messages.LINK_PREFIX)) {
        out.namedLink(s.slot().substring(Messages.LINK_PREFIX.length())).ifPresent(unconfirmed::add);
      }
    }
    for (String fact : unconfirmed) {
      out.text(" ").placeholder(fact);
    }
    structure.setBody(out.model(), false);
  }
}
