package org.noticepublisher.server;

import java.util.Locale;
import java.util.Map;
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

  String render(String template, Map<String, Object> common, Map<String, Object> model) {
    Context context = new Context(Locale.UK);
    context.setVariables(common);
    context.setVariable("m", model);
    return engine.process(template, context);
  }
}
