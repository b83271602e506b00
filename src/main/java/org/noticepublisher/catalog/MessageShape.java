package org.noticepublisher.catalog;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessagePattern.ArgType;
import com.ibm.icu.text.MessagePattern.Part;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structure of one ICU message as ICU's own parser sees it: its arguments and their kinds, each
 * plural/select argument with its branches, and the literal text a reader sees. The QA checks
 * compare these between a translation and its source instead of reading braces themselves.
 *
 * @param arguments every argument name with its kind, in order of first appearance
 * @param choices every plural, selectordinal and select argument, outer ones first
 * @param literal the literal text of the message and of every branch, joined by spaces
 * @param literalRuns each run of literal text separately (no argument inside)
 */
public record MessageShape(
    Map<String, String> arguments, List<Choice> choices, String literal, List<String> literalRuns) {
  private static final Set<Part.Type> TEXT_FOLLOWS =
      EnumSet.of(
          Part.Type.MSG_START,
          Part.Type.ARG_LIMIT,
          Part.Type.SKIP_SYNTAX,
          Part.Type.INSERT_CHAR,
          Part.Type.REPLACE_NUMBER);

  /**
   * A plural, selectordinal or select argument.
   *
   * @param name the argument
   * @param kind {@code plural}, {@code selectordinal} or {@code select}
   * @param branches selector ({@code one}, {@code =0}, {@code female}) → the branch's message text
   */
  public record Choice(String name, String kind, Map<String, String> branches) {
    public boolean isPlural() {
      return !kind.equals("select");
    }
  }

  /**
   * @throws IllegalArgumentException if {@code pattern} is not a valid ICU message
   */
  public static MessageShape of(String pattern) {
    MessagePattern mp =
        new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL).parse(pattern);
    Map<String, String> arguments = new LinkedHashMap<>();
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < mp.countParts(); i++) {
      Part part = mp.getPart(i);
      if (part.getType() != Part.Type.ARG_START) {
        continue;
      }
      String name = mp.getSubstring(mp.getPart(i + 1));
      ArgType type = part.getArgType();
      String kind =
          switch (type) {
            case NONE -> "text";
            case SIMPLE -> mp.getSubstring(mp.getPart(i + 2));
            case PLURAL -> "plural";
            case SELECTORDINAL -> "selectordinal";
            case SELECT -> "select";
            case CHOICE -> "choice";
          };
      arguments.putIfAbsent(name, kind);
      if (type == ArgType.PLURAL || type == ArgType.SELECTORDINAL || type == ArgType.SELECT) {
        Map<String, String> branches = new LinkedHashMap<>();
        int limit = mp.getLimitPartIndex(i);
        for (int j = i + 2; j < limit; j++) {
          Part p = mp.getPart(j);
          if (p.getType() == Part.Type.ARG_SELECTOR) {
            int msgStart = j + 1;
            if (mp.getPart(msgStart).getType() == Part.Type.ARG_INT
                || mp.getPart(msgStart).getType() == Part.Type.ARG_DOUBLE) {
              msgStart++;
            }
            int msgLimit = mp.getLimitPartIndex(msgStart);
            branches.put(
                mp.getSubstring(p),
                pattern.substring(
                    mp.getPart(msgStart).getLimit(), mp.getPart(msgLimit).getIndex()));
            j = msgLimit;
          }
        }
        choices.add(new Choice(name, kind, branches));
      }
    }
    List<String> runs = new ArrayList<>();
    for (int i = 0; i + 1 < mp.countParts(); i++) {
      Part part = mp.getPart(i);
      int from = part.getLimit();
      int to = mp.getPart(i + 1).getIndex();
      if (TEXT_FOLLOWS.contains(part.getType()) && to > from) {
        runs.add(pattern.substring(from, to));
      }
    }
    return new MessageShape(
        Map.copyOf(arguments).isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(arguments),
        List.copyOf(choices),
        String.join(" ", runs),
        List.copyOf(runs));
  }

  /** The choice argument named {@code name}, if the message has one. */
  public java.util.Optional<Choice> choice(String name) {
    return choices.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
