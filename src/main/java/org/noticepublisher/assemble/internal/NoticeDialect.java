package org.noticepublisher.assemble.internal;

import java.util.Set;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;

/**
 * The {@code np:} attributes templates use to show text: {@code np:text} for a message (with
 * links), {@code np:fact} for a fact from the organisation profile, {@code np:answer} for what the
 * profile answers about a practice. All escape every character they write.
 */
public final class NoticeDialect extends AbstractProcessorDialect {
  public static final String PREFIX = "np";

  public NoticeDialect() {
    super("Notice Publisher", PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
  }

  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    return Set.of(
        new MessageTextProcessor(dialectPrefix),
        new FactProcessor(dialectPrefix),
        new AnswerProcessor(dialectPrefix));
  }
}
