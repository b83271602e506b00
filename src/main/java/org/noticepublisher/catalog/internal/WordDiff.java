package org.noticepublisher.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word diff of two texts in the shape wdiff and gettext's {@code #|} comments made familiar:
 * unchanged words as they are, removed words as {@code [-old-]}, added ones as {@code {+new+}}. A
 * translator sees what changed in the English without comparing two paragraphs by eye.
 */
public final class WordDiff {
  private static final Pattern TOKEN = Pattern.compile("\\S+");

  private WordDiff() {}

  public static String of(String before, String after) {
    List<String> a = words(before);
    List<String> b = words(after);
    // Longest common subsequence of words; messages are a few hundred words at most.
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        flush(out, removed, added);
        out.add(a.get(i));
        i++;
        j++;
      } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        added.add(b.get(j++));
      } else {
        removed.add(a.get(i++));
      }
    }
    flush(out, removed, added);
    return String.join(" ", out);
  }

  private static void flush(List<String> out, List<String> removed, List<String> added) {
    if (!removed.isEmpty()) {
      out.add("[-" + String.join(" ", removed) + "-]");
      removed.clear();
    }
    if (!added.isEmpty()) {
      out.add("{+" + String.join(" ", added) + "+}");
      added.clear();
    }
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }
}
