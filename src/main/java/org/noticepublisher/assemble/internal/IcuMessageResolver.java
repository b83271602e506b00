package org.noticepublisher.assemble.internal;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Routes Thymeleaf's {@code #{key}} through the notice's ICU-backed {@code Messages}, so that there
 * is one message resolver whichever syntax a template uses. A missing key is an error, never
 * "??key??".
 */
public final class IcuMessageResolver implements IMessageResolver {
  @Override
  public String getName() {
    return "ICU";
  }

  @Override
  public Integer getOrder() {
    return 0;
  }

  @Override
  public String resolveMessage(
      ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
    return Markup.messages(context).text(key);
  }

  @Override
  public String createAbsentMessageRepresentation(
      ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
    return Markup.messages(context).text(key);
  }
}
