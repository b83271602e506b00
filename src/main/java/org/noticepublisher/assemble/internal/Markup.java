package org.noticepublisher.assemble.internal;

import java.util.Map;
import org.noticepublisher.catalog.Messages;
import org.noticepublisher.catalog.OrganisationProfile;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.model.AttributeValueQuotes;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.unbescape.html.HtmlEscape;

/**
 * Builds the markup the {@code np:} attributes write. Every string that comes from a bundle or the
 * profile goes through {@link #text}, which escapes it: message text can never become markup or a
 * template expression.
 */
final class Markup {
  private final IModelFactory factory;
  private final IModel model;
  private final Messages messages;

  Markup(ITemplateContext context) {
    this.factory = context.getModelFactory();
    this.model = factory.createModel();
    this.messages = messages(context);
  }

  static Messages messages(ITemplateContext context) {
    Object m = context.getVariable("messages");
    if (!(m instanceof Messages messages)) {
      throw new IllegalStateException("template context has no 'messages' variable");
    }
    return messages;
  }

  /** An attribute value is an expression when it looks like one, otherwise a literal key. */
  static String evaluate(ITemplateContext context, String attributeValue) {
    String v = attributeValue.strip();
    if (v.startsWith("${") || v.startsWith("'") || v.startsWith("*{")) {
      Object result =
          StandardExpressions.getExpressionParser(context.getConfiguration())
              .parseExpression(context, v)
              .execute(context);
      return String.valueOf(result);
    }
    return v;
  }

  Messages messages() {
    return messages;
  }

  OrganisationProfile profile() {
    return messages.profile();
  }

  Markup text(String plain) {
    if (!plain.isEmpty()) {
      model.add(factory.createText(HtmlEscape.escapeHtml5Xml(plain)));
    }
    return this;
  }

  Markup link(String href, String words) {
    model.add(factory.createOpenElementTag(
        "a", Map.of("href", HtmlEscape.escapeHtml5Xml(href)), AttributeValueQuotes.DOUBLE, false));
    text(words);
    model.add(factory.createCloseElementTag("a"));
    return this;
  }

  /** A fact nobody has confirmed yet, shown so that nobody can miss it; {@code fact} describes it. */
  Markup placeholder(String fact) {
    model.add(factory.createOpenElementTag(
        "span", Map.of("class", "placeholder"), AttributeValueQuotes.DOUBLE, false));
    text(messages.text("placeholder.missing", Map.of("fact", fact)));
    model.add(factory.createCloseElementTag("span"));
    return this;
  }

  /**
   * A named link: its words from {@code link.<name>}, its address from the profile. Without an
   * address the words stay plain text and the description of the missing address is returned, for a
   * placeholder after the sentence (inside it, it would break the sentence for the reader).
   */
  java.util.Optional<String> namedLink(String name) {
    String words = messages.text("link." + name);
    String href = profile().link(name).orElse(null);
    if (href != null) {
      link(href, words);
      return java.util.Optional.empty();
    }
    text(words);
    return java.util.Optional.of(messages.text("fact.link", Map.of("words", words)));
  }

  IModel model() {
    return model;
  }
}
