package org.noticepublisher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The one JSON configuration of the project, for files it writes ({@code manifest.json}, the users
 * file) and the service's responses: pretty-printed, and fields in the order their record declares
 * them, so the same value is always the same bytes. The mapper stays private: configured once, it
 * cannot be changed by a caller.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // Declaration order, not alphabetical: a reader finds "path" and "type" first.
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private Json() {}

  /** {@code value} as pretty-printed UTF-8. */
  public static byte[] write(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      // Only the project's own types are written: failing to serialise one is a programming error.
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /**
   * Reads {@code json} as a {@code type}.
   *
   * @throws JsonProcessingException when the text is not JSON or not the shape of {@code type}; its
   *     location gives the line
   */
  public static <T> T read(byte[] json, Class<T> type) throws JsonProcessingException {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (java.io.IOException e) {
      // A byte array is never an I/O failure.
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code json} as a tree, for files whose shape is checked field by field. */
  public static JsonNode tree(byte[] json) throws JsonProcessingException {
    Objects.requireNonNull(json, "json");
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An empty object to fill in, written as the others are. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
