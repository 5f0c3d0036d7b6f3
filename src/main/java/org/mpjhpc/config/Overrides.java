package org.mpjhpc.config;

import java.util.List;
import java.util.Map;
import org.mpjhpc.log.Quote;

/**
 * Applies {@code --set key.path=value} overrides to a config tree, so one config file
 * serves many runs. The value is read as YAML ({@code [2, 2]}, {@code 500}, {@code text});
 * list elements are addressed by index ({@code requests.0.times=5}).
 */
public final class Overrides {
    private Overrides() {
    }

    /** Applies each {@code KEY=VALUE} in order; a malformed one is a {@link UserError}. */
    public static void apply(Node root, List<String> assignments) {
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--set " + assignment + ": expected KEY=VALUE, e.g. --set farm.heartbeat.interval_ms=200");
            }
            String path = assignment.substring(0, eq).trim();
            String origin = "--set " + path;
            String text = assignment.substring(eq + 1);
            // A lone "-" (standard input) is a value on the command line, not a YAML list.
            Node value = YamlLoader.parse(text.trim().equals("-") ? "'-'" : text, origin);
            set(root, path, value == null ? new Node(null, origin, false) : retag(value, origin));
        }
    }

    /** Values from the command line are placed where the user typed them. */
    private static Node retag(Node node, String origin) {
        Object value = node.value;
        if (node.isMap()) {
            node.asMap().replaceAll((k, v) -> retag(v, origin));
        } else if (node.isList()) {
            node.asList().replaceAll(v -> retag(v, origin));
        }
        return new Node(value, origin, node.quoted);
    }

    private static void set(Node root, String path, Node value) {
        String[] parts = path.split("\\.");
        Node current = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.isEmpty()) {
                throw new UserError("--set " + path + ": empty key in the path");
            }
            if (current.isMap()) {
                Map<String, Node> map = current.asMap();
                if (last) {
                    map.put(part, value);
                    return;
                }
                Node next = map.get(part);
                if (next == null || next.value == null) {
                    next = Node.map("--set " + path);
                    map.put(part, next);
                }
                current = next;
            } else if (current.isList()) {
                List<Node> list = current.asList();
                int index = listIndex(path, part, list.size());
                if (last) {
                    list.set(index, value);
                    return;
                }
                current = list.get(index);
            } else {
                throw new UserError("--set " + path + ": " + Quote.of(part) + " is inside a plain value, not a mapping or list");
            }
        }
    }

    private static int listIndex(String path, String part, int size) {
        try {
            int index = Integer.parseInt(part);
            if (index >= 0 && index < size) {
                return index;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new UserError("--set " + path + ": " + Quote.of(part) + " must be a list index from 0 to " + (size - 1));
    }
}
