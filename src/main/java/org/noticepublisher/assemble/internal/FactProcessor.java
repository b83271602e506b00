package org.noticepublisher.assemble.internal;

import java.util.Map;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code np:fact="dpo.email"}: a labelled fact from the organisation profile ({@code contact.email}
 * labels it), as a link where it is an address, or a placeholder ({@code fact.dpo.email} describes it)
 * when the profile leaves it empty.
 */
final class FactProcessor extends AbstractAttributeTagProcessor {
  FactProcessor(String prefix) {
    super(TemplateMode.HTML, prefix, null, false, "fact", true, 1300, true);
  }

  @Override
  protected void doProcess(
      ITemplateContext context,
      IProcessableElementTag tag,
      AttributeName attributeName,
      String attributeValue,
      IElementTagStructureHandler structure) {
    String fact = Markup.evaluate(context, attributeValue);
    String kind = fact.substring(fact.lastIndexOf('.') + 1);
    Markup out = new Markup(context);
    String value = out.profile().fact(fact).orElse(null);
    for (var s : out.messages().segments("contact." + kind, Map.of(), "value")) {
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
    structure.setBody(out.model(), false);
  }
}
