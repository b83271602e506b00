package org.noticepublisher.xliff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.catalog.Bundle;

/** An imported translation changes only its own lines; new keys land in the source's order. */
class BundleUpdateTest {
  @Test
  void changedLinesAreReplacedAndNewKeysFollowTheirPredecessors(@TempDir Path dir)
      throws Exception {
    Path en =
        Files.writeString(
            dir.resolve("en-GB.properties"), "a = A\nb = B\nc = C\nd = D\ne = E\nf = F\n");
    Path pl =
        Files.writeString(
            dir.resolve("pl.properties"),
            String.join(
                "\n",
                "# Polish",
                "a = a-pl",
                "b = b-pl \\",
                "    continued",
                "e = e-pl",
                "# end",
                ""));
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("b", "b-new");
    changes.put("c", "c-new");
    changes.put("d", "d-new");
    changes.put("f", "f-new");
    String updated =
        XliffImport.updated(Files.readString(pl), Bundle.load(pl), Bundle.load(en), changes);
    assertEquals(
        String.join(
            "\n",
            "# Polish",
            "a = a-pl",
            "b = b-new",
            "c = c-new",
            "d = d-new",
            "e = e-pl",
            "f = f-new",
            "# end",
            ""),
        updated);
  }
}
