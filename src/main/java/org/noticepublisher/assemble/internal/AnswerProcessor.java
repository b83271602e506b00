package org.noticepublisher.assemble.internal;

/**
 * {@code np:answer="transfers"}: what the organisation profile answers ({@code answer.transfers =
 * none|yes}), in the words of message {@code transfers.answer.<value>}; a placeholder described by
 * {@code fact.answer.transfers} while the profile leaves it unanswered.
 */
final class AnswerProcessor extends MarkupProcessor {
  AnswerProcessor(String prefix) {
    super(prefix, "answer");
  }

  @Override
  void write(Markup out, String topic) {
    String answer = out.profile().fact("answer." + topic).orElse(null);
    if (answer == null) {
      out.placeholder(out.messages().text("fact.answer." + topic));
    } else {
      String key = topic + ".answer." + answer;
      out.bodyInLanguageOf(key, () -> out.text(out.messages().text(key)));
    }
  }
}
