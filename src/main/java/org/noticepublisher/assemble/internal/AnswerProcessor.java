package org.noticepublisher.assemble.internal;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code np:answer="transfers"}: what the organisation profile answers ({@code answer.transfers =
 * none|yes}), in the words of message {@code transfers.answer.<value>}; a placeholder described by
 * {@code fact.answer.transfers} while the profile leaves it unanswered.
 */
final class AnswerProcessor extends AbstractAttributeTagProcessor {
  AnswerProcessor(String prefix) {
    super(TemplateMode.HTML, prefix, null, false, "answer", true, 1300, true);
  }

  @Override
  protected void doProcess(
      ITemplateContext context,
      IProcessableElementTag tag,
      AttributeName attributeName,
      String attributeValue,
      IElementTagStructureHandler structure) {
    String topic = Markup.evaluate(context, attributeValue);
    Markup out = new Markup(context);
    String answer = out.profile().fact("answer." + topic).orElse(null);
    if (answer == null) {
      out.placeholder(out.messages().text("fact.answer." + topic));
    } else {
      out.text(out.messages().text(topic + ".answer." + answer));
    }
    structure.setBody(out.model(), false);
  }
}
