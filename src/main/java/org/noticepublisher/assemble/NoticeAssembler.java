package org.noticepublisher.assemble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.internal.IcuMessageResolver;
import org.noticepublisher.assemble.internal.NoticeDialect;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.catalog.Messages;
import org.noticepublisher.catalog.MissingMessageException;
import org.noticepublisher.catalog.OrganisationProfile;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Assembles a variant in a locale into one HTML notice: {@code templates/notice.html} lays out the
 * page, each section comes from its fragment in {@code templates/sections/}, every text from the
 * catalog.
 */
public final class NoticeAssembler {
  private final Path templates;
  private final Catalog catalog;
  private final OrganisationProfile profile;
  private final Map<String, Variant> variants;
  private final TemplateEngine engine;
  private final String baseCss;
  private final Map<String, String> icons;

  private NoticeAssembler(
      Path templates, Catalog catalog, OrganisationProfile profile, Map<String, Variant> variants)
      throws FindingsException {
    this.templates = templates;
    this.catalog = catalog;
    this.profile = profile;
    this.variants = variants;
    this.baseCss = readStyle("notice");
    this.icons = readIcons(templates.resolve("icons"));
    FileTemplateResolver resolver = new FileTemplateResolver();
    resolver.setPrefix(templates.toAbsolutePath() + "/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    this.engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new IcuMessageResolver());
    engine.addDialect(new NoticeDialect());
  }

  /** Reads every variant definition under {@code templates/variants/}. */
  public static NoticeAssembler create(Path templates, Catalog catalog, OrganisationProfile profile)
      throws FindingsException {
    Objects.requireNonNull(templates, "templates");
    Path dir = templates.resolve("variants");
    Map<String, Variant> variants = new LinkedHashMap<>();
    List<Finding> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
        try {
          Variant v = Variant.load(f, templates, catalog.source());
          variants.put(v.id(), v);
        } catch (FindingsException e) {
          problems.addAll(e.findings());
        }
      }
    } catch (IOException e) {
      problems.add(
          Finding.error("variants", "cannot list variant definitions: " + e.getMessage())
              .at(dir.toString(), 0));
    }
    if (!problems.isEmpty()) {
      throw new FindingsException(problems);
    }
    return new NoticeAssembler(templates, catalog, profile, orderStandardFirst(variants));
  }

  private static Map<String, Variant> orderStandardFirst(Map<String, Variant> variants) {
    Map<String, Variant> ordered = new LinkedHashMap<>();
    if (variants.containsKey("standard")) {
      ordered.put("standard", variants.get("standard"));
    }
    ordered.putAll(variants);
    return ordered;
  }

  public Map<String, Variant> variants() {
    return variants;
  }

  public Path templates() {
    return templates;
  }

  public Notice assemble(NoticeId id, Layout layout) throws FindingsException {
    Variant variant = variants.get(id.variant());
    if (variant == null) {
      throw new FindingsException(
          Finding.error("variant", "no variant '" + id.variant() + "'")
              .at(templates.resolve("variants").toString(), 0)
              .withFix("choose one of " + variants.keySet()));
    }
    if (catalog.bundle(id.locale()).isEmpty()) {
      throw new FindingsException(
          Finding.error("locale", "no bundle for locale '" + id.locale() + "'")
              .at(catalog.directory().toString(), 0)
              .withFix(
                  "choose one of "
                      + catalog.locales()
                      + " or add locales/"
                      + id.locale()
                      + ".properties"));
    }
    try {
      return assemble(id, layout, variant);
    } catch (MissingMessageException e) {
      // A key named outside any template (the variant's title, subject): the definition names it.
      throw new FindingsException(
          Finding.error(e.key(), "no message '" + e.key() + "' in any bundle")
              .at(variant.file().toString(), 0)
              .withFix(
                  "add "
                      + e.key()
                      + " = … to "
                      + e.sourceFile()
                      + ", or fix the key in "
                      + variant.file().getFileName()));
    }
  }

  private Notice assemble(NoticeId id, Layout layout, Variant variant) throws FindingsException {
    Messages messages = catalog.messages(id.locale(), id.variant(), profile);
    boolean rtl = Catalog.isRightToLeft(id.locale());
    String title = messages.text(variant.documentTitleKey());
    Context context = new Context(Locale.forLanguageTag(id.locale()));
    context.setVariable("messages", messages);
    context.setVariable("variant", variant);
    context.setVariable("icons", icons);
    context.setVariable("lang", id.locale());
    context.setVariable("dir", rtl ? "rtl" : "ltr");
    context.setVariable("title", title);
    context.setVariable("subject", messages.text(variant.subjectKey()));
    context.setVariable("author", profile.name());
    boolean draft = catalog.bundle(id.locale()).orElseThrow().status() == Bundle.ReviewStatus.DRAFT;
    context.setVariable("draft", draft);
    context.setVariable("english", Catalog.isEnglish(id.locale()));
    context.setVariable(
        "draftInEnglish",
        catalog.messages(Catalog.SOURCE_LOCALE, id.variant(), profile).text("document.draft"));
    context.setVariable("layoutClass", layout.largePrint() ? "large-print" : "regular-print");
    context.setVariable(
        "css", baseCss + readStyle(variant.style()) + PageStyle.css(layout, rtl, messages));
    // The notice's title alone: mixed-direction text in a margin box (an English name beside Arabic
    // words) comes out misordered in openhtmltopdf, even isolated.
    context.setVariable("footer", messages.text(variant.titleKey()));
    String html;
    try {
      // The reading time depends on the words of the notice itself: count them on a first pass.
      messages.argument(ReadingTime.ARGUMENT, 1);
      String draftHtml = engine.process("notice", context);
      messages.argument(
          ReadingTime.ARGUMENT,
          ReadingTime.minutes(Jsoup.parse(draftHtml).body().select("main").text(), id.locale()));
      html = engine.process("notice", context);
    } catch (TemplateProcessingException e) {
      throw new FindingsException(templateFinding(e));
    }
    return checked(id, rtl, title, (String) context.getVariable("subject"), messages, html, draft);
  }

  private Notice checked(
      NoticeId id,
      boolean rtl,
      String title,
      String subject,
      Messages messages,
      String html,
      boolean draft)
      throws FindingsException {
    Document doc = Jsoup.parse(html);
    String template = templates.resolve("notice.html").toString();
    List<Finding> problems = new ArrayList<>();
    if (doc.title().isBlank()) {
      problems.add(
          Finding.error("title", "the notice has no document title")
              .at(template, 0)
              .withFix("keep <title th:text=\"${title}\"> in the head of notice.html"));
    }
    if (!id.locale().equals(doc.expectFirst("html").attr("lang"))) {
      problems.add(
          Finding.error("lang", "the notice does not declare its language")
              .at(template, 0)
              .withFix("keep th:lang=\"${lang}\" on the <html> element"));
    }
    for (Element img :
        doc.select("img:not([alt]), svg:not([role=img][aria-label]):not([aria-hidden=true])")) {
      problems.add(
          Finding.error(
                  "alt",
                  "image without a text alternative: "
                      + img.outerHtml().lines().findFirst().orElse(""))
              .at(template, 0)
              .withFix(
                  "give <img> an alt text (alt=\"\" only for decoration), or <svg> role=\"img\" "
                      + "and aria-label"));
    }
    problems.addAll(References.inDocument(doc, template));
    if (!problems.isEmpty()) {
      throw new FindingsException(problems);
    }
    List<String> texts = new ArrayList<>();
    for (Element block : doc.body().select(Notice.BLOCKS)) {
      // Innermost blocks only (select() counts the block itself), so no text is expected twice.
      if (block.select(Notice.BLOCKS).size() == 1 && !block.text().isBlank()) {
        texts.add(block.text());
      }
    }
    List<Finding> warnings = new ArrayList<>();
    messages
        .fallbacks()
        .forEach(
            (key, from) ->
                warnings.add(
                    Finding.warning(key, "no " + id.locale() + " text: shown in " + from)
                        .at(catalog.directory().resolve(id.locale() + ".properties").toString(), 0)
                        .withFix("translate " + key)));
    Path bundleFile = catalog.directory().resolve(id.locale() + ".properties");
    for (String key : messages.stale()) {
      warnings.add(
          Finding.warning(key, "stale: the English changed since this was translated")
              .at(
                  bundleFile.toString(),
                  catalog.bundle(id.locale()).map(b -> b.lineOf(key)).orElse(0))
              .withFix(
                  "update the translation, then: lint --accept " + key + " -l " + id.locale()));
    }
    return new Notice(
        id,
        id.locale(),
        rtl,
        title,
        subject,
        profile.name(),
        html,
        texts,
        draft,
        messages.fallbacks(),
        new Notice.Fallback(messages.fallbacks().size(), messages.fallbackShare()),
        warnings,
        messages.stale());
  }

  private Finding templateFinding(TemplateProcessingException e) {
    String template =
        e.getTemplateName() == null
            ? ""
            : templates.resolve(e.getTemplateName() + ".html").toString();
    int line = e.getLine() == null ? 0 : e.getLine();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MissingMessageException missing) {
        return Finding.error(missing.key(), "no message '" + missing.key() + "' in any bundle")
            .at(template, line)
            .withFix(
                "add "
                    + missing.key()
                    + " = … to "
                    + missing.sourceFile()
                    + ", or fix the key in the template");
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return Finding.error(
            "template", root.getMessage() == null ? root.toString() : root.getMessage())
        .at(template, line)
        .withFix("fix the template at this line");
  }

  private String readStyle(String name) throws FindingsException {
    if (name.isEmpty()) {
      return "";
    }
    Path file = templates.resolve(name + ".css");
    try {
      return Files.readString(file, StandardCharsets.UTF_8) + "\n";
    } catch (IOException e) {
      throw new FindingsException(
          Finding.error("style", "cannot read style sheet: " + e.getMessage())
              .at(file.toString(), 0));
    }
  }

  /**
   * Each {@code templates/icons/<section>.svg} as a data: URI, so the notice stays self-contained.
   */
  private static Map<String, String> readIcons(Path dir) throws FindingsException {
    Map<String, String> icons = new java.util.TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return icons;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".svg")).sorted().toList()) {
        icons.put(
            f.getFileName().toString().replaceFirst("\\.svg$", ""),
            "data:image/svg+xml;base64,"
                + java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(f)));
      }
    } catch (IOException e) {
      throw new FindingsException(
          Finding.error("icons", "cannot read icons: " + e.getMessage()).at(dir.toString(), 0));
    }
    return Map.copyOf(icons);
  }
}
