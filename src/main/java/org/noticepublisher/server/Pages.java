package org.noticepublisher.server;

import java.util.Locale;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The service's pages: Thymeleaf templates under {@code org/noticepublisher/server/pages/}, each
 * filled from a page model and escaped by Thymeleaf ({@code th:text}, never {@code th:utext}).
 */
final class Pages {
  private final TemplateEngine engine = new TemplateEngine();

  Pages() {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
    resolver.setPrefix("org/noticepublisher/server/pages/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  /**
   * Fills {@code template} from a page model, read as {@code ${m.field}}: Thymeleaf's OGNL reads a
   * record's accessors as properties, and a misspelt field fails the page instead of showing
   * nothing.
   */
  String render(String template, Frame frame, Record model) {
    Context context = new Context(Locale.UK);
    context.setVariable("user", frame.user());
    context.setVariable("csrf", frame.csrf());
    context.setVariable("readOnly", frame.readOnly());
    context.setVariable("path", frame.path());
    context.setVariable("flash", frame.flash());
    context.setVariable("m", model);
    return engine.process(template, context);
  }
}
