package org.noticepublisher.xliff.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An ICU message cut into what a CAT tool shows: text, and inline codes for everything a translator
 * must keep as it is ({@code {organisation}}, {@code {published, date, long}}, a plural's {@code
 * #}). A message with one plural, selectordinal or select argument becomes one text per branch —
 * the whole sentence as a reader sees it for that branch — and is put back together from such
 * texts.
 */
public final class IcuSegments {
  private static final Pattern CHOICE =
      Pattern.compile(
          "\\{\\s*([\\p{L}\\p{N}_]+)\\s*,\\s*(plural|selectordinal|select)\\s*,(.*)\\}",
          Pattern.DOTALL);

  private IcuSegments() {}

  /** A piece of a segment: plain text, or a code whose {@code data} is ICU syntax (text empty). */
  public record Token(String text, @Nullable String data) {
    public static Token text(String t) {
      return new Token(t, null);
    }

    public static Token code(String d) {
      return new Token("", d);
    }

    public boolean isCode() {
      return data != null;
    }

    String raw() {
      return data != null ? data : text;
    }
  }

  /**
   * The message's one choice argument at the top level, if it has exactly one and no choice is
   * nested in another: the text before it, its name and kind, its branches, the text after.
   */
  public record Choice(
      String before, String name, String kind, Map<String, String> branches, String after) {
    /** The sentence for one branch, in ICU syntax: before + branch + after. */
    public String sentence(String selector) {
      return before + branches.get(selector) + after;
    }
  }

  public static Optional<Choice> choice(String pattern) {
    List<int[]> groups = topLevelGroups(pattern);
    Choice found = null;
    for (int[] g : groups) {
      String group = pattern.substring(g[0], g[1]);
      Matcher m = CHOICE.matcher(group);
      if (m.matches()) {
        if (found != null) {
          return Optional.empty();
        }
        String body = m.group(3);
        Map<String, String> branches = new LinkedHashMap<>();
        int i = 0;
        while (i < body.length()) {
          int open = body.indexOf('{', i);
          if (open < 0) {
            break;
          }
          String selector = body.substring(i, open).strip();
          int close = matching(body, open);
          if (close < 0 || selector.isEmpty() || selector.startsWith("offset:")) {
            return Optional.empty();
          }
          String branch = body.substring(open + 1, close);
          if (containsChoice(branch)) {
            return Optional.empty();
          }
          branches.put(selector, branch);
          i = close + 1;
        }
        found =
            new Choice(
                pattern.substring(0, g[0]),
                m.group(1),
                m.group(2),
                branches,
                pattern.substring(g[1]));
      }
    }
    return Optional.ofNullable(found);
  }

  private static boolean containsChoice(String text) {
    for (int[] g : topLevelGroups(text)) {
      if (CHOICE.matcher(text.substring(g[0], g[1])).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Text and codes of an ICU text: each {…} group a code; {@code #} a code inside a plural. */
  public static List<Token> tokens(String text, boolean hashIsCode) {
    List<Token> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{') {
        int close = matching(text, i);
        if (close < 0) {
          run.append(text.substring(i));
          break;
        }
        flush(out, run);
        out.add(Token.code(text.substring(i, close + 1)));
        i = close + 1;
      } else if (c == '#' && hashIsCode) {
        flush(out, run);
        out.add(Token.code("#"));
        i++;
      } else {
        run.append(c);
        i++;
      }
    }
    flush(out, run);
    return out;
  }

  public static String join(List<Token> tokens) {
    StringBuilder s = new StringBuilder();
    tokens.forEach(t -> s.append(t.raw()));
    return s.toString();
  }

  /**
   * One ICU message from the sentence of each branch: the words all branches share at the start and
   * end stay outside the choice, the rest become its branches. Shared text is cut only at a space
   * or a code other than {@code #}, so no word is split and {@code #} stays inside.
   */
  public static String recombine(String name, String kind, Map<String, String> sentences) {
    List<String> all = List.copyOf(sentences.values());
    int prefix = commonPrefix(all);
    int suffix = commonSuffix(all, prefix);
    StringBuilder out = new StringBuilder(all.get(0).substring(0, prefix));
    out.append('{').append(name).append(", ").append(kind).append(',');
    sentences.forEach(
        (selector, s) ->
            out.append(' ')
                .append(selector)
                .append(" {")
                .append(s, prefix, s.length() - suffix)
                .append('}'));
    out.append('}').append(all.get(0).substring(all.get(0).length() - suffix));
    return out.toString();
  }

  private static int commonPrefix(List<String> all) {
    String first = all.get(0);
    int n = first.length();
    for (String s : all) {
      int i = 0;
      while (i < n && i < s.length() && s.charAt(i) == first.charAt(i)) {
        i++;
      }
      n = i;
    }
    return safeLength(first, n, '{', '}');
  }

  private static int commonSuffix(List<String> all, int prefix) {
    String first = all.get(0);
    int n = first.length() - prefix;
    for (String s : all) {
      int i = 0;
      while (i < n
          && i < s.length() - prefix
          && s.charAt(s.length() - 1 - i) == first.charAt(first.length() - 1 - i)) {
        i++;
      }
      n = i;
    }
    // The same scan over the text read backwards, where a code closes before it opens.
    return safeLength(new StringBuilder(first).reverse(), n, '}', '{');
  }

  /**
   * How much of the first {@code n} characters of {@code text} may be shared outside the choice:
   * never inside a code, never past a {@code #}, so back to the last space or the end of a code.
   */
  private static int safeLength(CharSequence text, int n, char open, char close) {
    int depth = 0;
    int safe = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == open) {
        depth++;
      } else if (c == close) {
        depth--;
        if (depth == 0) {
          safe = i + 1;
        }
      } else if (depth == 0 && c == '#') {
        break;
      } else if (depth == 0 && Character.isWhitespace(c)) {
        safe = i + 1;
      }
    }
    return safe;
  }

  private static void flush(List<Token> out, StringBuilder run) {
    if (run.length() > 0) {
      out.add(Token.text(run.toString()));
      run.setLength(0);
    }
  }

  private static List<int[]> topLevelGroups(String pattern) {
    List<int[]> groups = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      if (pattern.charAt(i) == '{') {
        int close = matching(pattern, i);
        if (close < 0) {
          break;
        }
        groups.add(new int[] {i, close + 1});
        i = close + 1;
      } else {
        i++;
      }
    }
    return groups;
  }

  private static int matching(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == '{') {
        depth++;
      } else if (s.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
