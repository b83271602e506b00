package org.noticepublisher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/** What a reader of an output folder sees, checked against its manifest. */
public final class PublishedOutput {
  private PublishedOutput() {}

  /**
   * Asserts that {@code manifest.json} describes exactly the files in {@code output}: every listed
   * file is there with its sha256 and size, every file there is listed, and {@code index.html}
   * links exactly the listed files.
   *
   * @return the manifest's entries by path
   */
  public static Map<String, JsonNode> assertConsistent(Path output, String context)
      throws IOException {
    Path dir = output.toRealPath(); // Files.walk does not enter a link it starts from
    Map<String, JsonNode> listed = new TreeMap<>();
    for (JsonNode e :
        new ObjectMapper().readTree(dir.resolve("manifest.json").toFile()).path("files")) {
      listed.put(e.path("path").asText(), e);
    }
    Set<String> onDisk = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        onDisk.add(dir.relativize(p).toString().replace('\\', '/'));
      }
    }
    onDisk.remove("manifest.json");
    onDisk.remove("index.html");
    assertEquals(listed.keySet(), onDisk, context + ": files on disk = files in the manifest");
    for (Map.Entry<String, JsonNode> e : listed.entrySet()) {
      byte[] bytes = Files.readAllBytes(dir.resolve(e.getKey()));
      assertEquals(
          e.getValue().path("bytes").asLong(), bytes.length, context + ": size of " + e.getKey());
      assertEquals(
          e.getValue().path("sha256").asText(),
          Sha256.hex(bytes),
          context + ": sha256 of " + e.getKey());
    }
    Set<String> linked =
        new TreeSet<>(
            Jsoup.parse(dir.resolve("index.html").toFile()).select("a[href]").eachAttr("href"));
    assertEquals(listed.keySet(), linked, context + ": index.html links the listed files");
    return listed;
  }
}
