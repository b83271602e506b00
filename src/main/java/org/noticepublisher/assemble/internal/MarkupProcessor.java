package org.noticepublisher.assemble.internal;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * An {@code np:} attribute that replaces its element's body with markup built from the attribute's
 * value (a message key, a profile fact, a topic), literal or a {@code ${…}} expression.
 */
abstract class MarkupProcessor extends AbstractAttributeTagProcessor {
  MarkupProcessor(String prefix, String attribute) {
    super(TemplateMode.HTML, prefix, null, false, attribute, true, 1300, true);
  }

  /** Writes the element's new body for {@code value}. */
  abstract void write(Markup out, String value);

  @Override
  protected final void doProcess(
      ITemplateContext context,
      IProcessableElementTag tag,
      AttributeName attributeName,
      String attributeValue,
      IElementTagStructureHandler structure) {
    Markup out = new Markup(context);
    write(out, Markup.evaluate(context, attributeValue));
    out.elementLanguage().ifPresent(lang -> structure.setAttribute("lang", lang));
    out.elementDirection().ifPresent(dir -> structure.setAttribute("dir", dir));
    structure.setBody(out.model(), false);
  }
}
