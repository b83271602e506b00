package org.noticepublisher.assemble.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.catalog.Catalog;
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
  /** Directional isolates: bidi treats what they enclose as one unit of the given direction. */
  private static final char LRI = '\u2066';

  private static final char RLI = '\u2067';
  private static final char FSI = '\u2068';
  private static final char PDI = '\u2069';

  /** A bracketed phrase containing Latin letters and no right-to-left letters, or a Latin run. */
  private static final Pattern LATIN_RUN =
      Pattern.compile(
          "\\([^()\\p{IsArabic}\\u2066-\\u2069]*\\p{IsLatin}[^()\\p{IsArabic}\\u2066-\\u2069]*\\)"
              + "|\\p{IsLatin}[\\p{IsLatin}\\p{N}’'.,&/:@\\- ]*[\\p{IsLatin}\\p{N}]|\\p{IsLatin}");

  private final IModelFactory factory;
  private final IModel model;
  private final Messages messages;
  private final boolean rightToLeft;
  private final boolean pseudo;
  private final boolean english;

  /** The language of the text being written: the notice's, or a fallback message's. */
  private String language;

  /** The language the element whose body this is must declare, when not the notice's. */
  private @Nullable String elementLanguage;

  Markup(ITemplateContext context) {
    this.factory = context.getModelFactory();
    this.model = factory.createModel();
    this.messages = messages(context);
    this.rightToLeft = "rtl".equals(context.getVariable("dir"));
    this.pseudo = Catalog.isPseudoLocale(messages.locale());
    // The pseudo-locales are English text, ar-XB included: no language change to mark.
    this.english = pseudo || Catalog.isEnglish(messages.locale());
    this.language = messages.locale();
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
      String text = rightToLeft && !pseudo ? isolateLatin(plain) : plain;
      model.add(factory.createText(HtmlEscape.escapeHtml5Xml(text)));
    }
    return this;
  }

  /**
   * English inside right-to-left text, such as "(Information Commissioner’s Office, ICO)", isolated
   * left to right, brackets included: left to the bidi algorithm, its brackets and punctuation
   * would be placed by the surrounding Arabic script and read out of order, above all where a line
   * breaks.
   */
  static String isolateLatin(String text) {
    return LATIN_RUN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(LRI + m.group() + PDI));
  }

  Markup link(String href, String words) {
    model.add(
        factory.createOpenElementTag(
            "a",
            Map.of("href", HtmlEscape.escapeHtml5Xml(href)),
            AttributeValueQuotes.DOUBLE,
            false));
    isolated(words);
    model.add(factory.createCloseElementTag("a"));
    return this;
  }

  /**
   * Text whose direction must not mix with its surroundings (a URL, an e-mail address, a link's or
   * placeholder's words): in a right-to-left notice it is isolated, so its punctuation and numbers
   * keep their order. Left-to-right notices need no isolation and get none. The isolate's direction
   * is chosen here rather than left to FSI; see {@link #leftToRight}.
   */
  Markup isolated(String plain) {
    if (!rightToLeft) {
      return text(plain);
    }
    boolean ltr = leftToRight(plain);
    // Latin inside an isolate that is already left to right needs no isolate of its own.
    String inner = ltr || pseudo ? plain : isolateLatin(plain);
    model.add(factory.createText(HtmlEscape.escapeHtml5Xml((ltr ? LRI : RLI) + inner + PDI)));
    return this;
  }

  /**
   * Whether the first strong letter outside nested isolates is left-to-right, as FSI would decide;
   * text with none (numbers, or only isolated words) keeps the document's right-to-left direction,
   * where FSI would fall back to left-to-right.
   */
  static boolean leftToRight(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == LRI || c == RLI || c == FSI) {
        depth++;
      } else if (c == PDI) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        byte d = Character.getDirectionality(c);
        if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
          return true;
        }
        if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
            || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
          return false;
        }
      }
    }
    return false;
  }

  /**
   * Writes what {@code body} writes inside an element marked with the language of {@code key}'s
   * text, when that is not the notice's (the message falls back to another locale): a screen reader
   * then reads it with that language's rules, and the PDF gets a {@code /Lang} span.
   */
  Markup inLanguageOf(String key, Runnable body) {
    String lang = messages.languageOf(key);
    if (pseudo || lang.equals(language)) {
      body.run();
      return this;
    }
    String outer = language;
    model.add(
        factory.createOpenElementTag(
            "span", Map.of("lang", lang), AttributeValueQuotes.DOUBLE, false));
    language = lang;
    try {
      body.run();
    } finally {
      language = outer;
    }
    model.add(factory.createCloseElementTag("span"));
    return this;
  }

  /**
   * Like {@link #inLanguageOf}, for a message that is the element's whole body: the element itself
   * is marked (see {@link #elementLanguage}). openhtmltopdf leaves a span that is a block's only
   * content out of the structure tree, and its language with it; a P or H2 keeps its /Lang.
   */
  Markup bodyInLanguageOf(String key, Runnable body) {
    String lang = messages.languageOf(key);
    if (!pseudo && !lang.equals(language)) {
      // Everything written after this is inside the marked element, placeholders included.
      elementLanguage = lang;
      language = lang;
    }
    body.run();
    return this;
  }

  /**
   * The {@code lang} the element must get, when its body is in another language than the notice.
   */
  java.util.Optional<String> elementLanguage() {
    return java.util.Optional.ofNullable(elementLanguage);
  }

  /**
   * The {@code dir} the element must get, when its body's language is written in the other
   * direction than the notice's (an English fallback in an Arabic notice): laid out right to left,
   * its full stop would stand at the start of its last line.
   */
  java.util.Optional<String> elementDirection() {
    if (elementLanguage == null) {
      return java.util.Optional.empty();
    }
    boolean rtl =
        com.ibm.icu.util.ULocale.addLikelySubtags(
                com.ibm.icu.util.ULocale.forLanguageTag(elementLanguage))
            .isRightToLeft();
    return rtl == rightToLeft
        ? java.util.Optional.empty()
        : java.util.Optional.of(rtl ? "rtl" : "ltr");
  }

  /** Text in the source language inside a translation, e.g. the organisation's English name. */
  Markup english(String plain) {
    if (english || language.equals(Catalog.SOURCE_LOCALE)) {
      return text(plain);
    }
    model.add(
        factory.createOpenElementTag(
            "span", Map.of("lang", Catalog.SOURCE_LOCALE), AttributeValueQuotes.DOUBLE, false));
    isolated(plain);
    model.add(factory.createCloseElementTag("span"));
    return this;
  }

  /** Whether the notice's language is English, so English insertions need no language mark. */
  boolean isEnglish() {
    return english;
  }

  /**
   * A fact nobody has confirmed yet, shown so that nobody can miss it; {@code fact} describes it.
   */
  Markup placeholder(String fact) {
    model.add(
        factory.createOpenElementTag(
            "span", Map.of("class", "placeholder"), AttributeValueQuotes.DOUBLE, false));
    inLanguageOf(
        "placeholder.missing",
        () -> isolated(messages.text("placeholder.missing", Map.of("fact", fact))));
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
      inLanguageOf("link." + name, () -> link(href, words));
      return java.util.Optional.empty();
    }
    inLanguageOf("link." + name, () -> isolated(words));
    return java.util.Optional.of(messages.text("fact.link", Map.of("words", words)));
  }

  IModel model() {
    return model;
  }
}
