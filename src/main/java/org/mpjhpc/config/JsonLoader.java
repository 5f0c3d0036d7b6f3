package org.mpjhpc.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON request body into a {@link Node} tree, within limits: JSON has no aliases,
 * so its size is what it costs, and the nesting, string and number lengths are capped.
 * A body that breaks a rule is a {@link UserError} (a 400), found in milliseconds.
 */
public final class JsonLoader {
    static final int MAX_DEPTH = 32;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(1 << 20).maxNumberLength(64).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private JsonLoader() {
    }

    /** Parses {@code body}; {@code where} names it in messages. Returns null for an empty body. */
    public static Node parse(byte[] body, String where) {
        if (body.length == 0) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            JsonNode tree = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw new UserError(where + ": one JSON value expected, found more after it");
            }
            return tree == null ? null : convert(tree, where);
        } catch (JsonProcessingException e) {
            throw new UserError(where + ": malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserError(where + ": unreadable: " + e.getMessage());
        }
    }

    private static Node convert(JsonNode json, String where) {
        if (json.isObject()) {
            Node node = Node.map(where);
            Map<String, Node> map = node.asMap();
            json.fields().forEachRemaining(e -> map.put(e.getKey(), convert(e.getValue(), where)));
            return node;
        }
        if (json.isArray()) {
            List<Node> list = new ArrayList<>();
            json.forEach(item -> list.add(convert(item, where)));
            return new Node(list, where, false);
        }
        if (json.isNull()) {
            return new Node(null, where, false);
        }
        return new Node(json.asText(), where, json.isTextual()); // "5" stays text, 5 a number
    }
}
