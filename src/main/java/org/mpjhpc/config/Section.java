package org.mpjhpc.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mpjhpc.log.Quote;

/**
 * Typed, validating reads of one YAML mapping. Every read records the key as known, and
 * {@link #finish()} rejects the keys nobody asked for, so a typo never passes silently.
 * Every error names the place ({@code file:line}) and the dotted key.
 */
public final class Section {
    private final Node node;
    private final String path;
    private final Set<String> known = new HashSet<>();

    /** @param node a mapping node; @param path its dotted key path ("" for the root) */
    public Section(Node node, String path) {
        if (!node.isMap()) {
            throw new UserError(node.origin + ": " + (path.isEmpty() ? "config" : path)
                    + ": expected a mapping (key: value), got " + node.describe());
        }
        this.node = node;
        this.path = path;
    }

    /** The full dotted name of a key of this section. */
    public String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** This section's dotted path. */
    public String path() {
        return path;
    }

    /** Where this section starts, for messages about the section as a whole. */
    public String origin() {
        return node.origin;
    }

    /** True when the key is present (and not null). */
    public boolean has(String name) {
        known.add(name);
        Node value = node.asMap().get(name);
        return value != null && value.value != null;
    }

    private Node get(String name) {
        known.add(name);
        Node value = node.asMap().get(name);
        if (value == null || value.value == null) {
            throw new UserError(node.origin + ": " + key(name) + ": required key is missing");
        }
        return value;
    }

    /** Raises a {@link UserError} naming this key's place. */
    public UserError error(String name, String problem) {
        Node value = node.asMap().get(name);
        String where = value == null ? node.origin : value.origin;
        return new UserError(where + ": " + key(name) + ": " + problem);
    }

    public String string(String name) {
        Node value = get(name);
        if (!value.isScalar()) {
            throw error(name, "expected a text value, got " + value.describe());
        }
        return (String) value.value;
    }

    public String string(String name, String fallback) {
        return has(name) ? string(name) : fallback;
    }

    public long longValue(String name) {
        Node value = get(name);
        return Scalars.toLong(value, key(name));
    }

    public long longValue(String name, long fallback) {
        return has(name) ? longValue(name) : fallback;
    }

    /** A whole number within [min, max]. */
    public long longIn(String name, long fallback, long min, long max) {
        long v = longValue(name, fallback);
        if (v < min || v > max) {
            throw error(name, "must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    public int intIn(String name, int fallback, int min, int max) {
        return (int) longIn(name, fallback, min, max);
    }

    public double doubleValue(String name, double fallback) {
        return has(name) ? Scalars.toDouble(get(name), key(name)) : fallback;
    }

    /** A text value that must be one of {@code allowed}; {@code fallback} when absent. */
    public String oneOf(String name, String fallback, String... allowed) {
        String value = string(name, fallback);
        if (!Arrays.asList(allowed).contains(value)) {
            throw error(name, "must be one of " + String.join(", ", allowed) + ", got " + Quote.of(value));
        }
        return value;
    }

    public boolean bool(String name, boolean fallback) {
        return has(name) ? Scalars.toBool(get(name), key(name)) : fallback;
    }

    /**
     * A value as plain Java data: maps, lists, and scalars read as Long, Double, Boolean or
     * String (quoted scalars stay strings).
     */
    public Object plain(String name) {
        return Scalars.plain(get(name));
    }

    /** A required nested mapping. */
    public Section section(String name) {
        return new Section(get(name), key(name));
    }

    /** A nested mapping, or an empty one when the key is absent. */
    public Section optionalSection(String name) {
        return has(name) ? section(name) : new Section(Node.map(node.origin), key(name));
    }

    /** The items of a list; each item is returned with its own dotted path. */
    public List<Item> list(String name) {
        Node value = get(name);
        if (!value.isList()) {
            throw error(name, "expected a list, got " + value.describe());
        }
        List<Item> items = new ArrayList<>();
        List<Node> nodes = value.asList();
        for (int i = 0; i < nodes.size(); i++) {
            items.add(new Item(nodes.get(i), key(name) + "[" + i + "]"));
        }
        return items;
    }

    /** The keys present in this mapping, in file order (all count as known). */
    public List<String> keys() {
        List<String> names = new ArrayList<>(node.asMap().keySet());
        known.addAll(names);
        return names;
    }

    /** Rejects keys that were never read: they are typos or options we do not have. */
    public void finish() {
        for (Map.Entry<String, Node> entry : node.asMap().entrySet()) {
            if (!known.contains(entry.getKey())) {
                List<String> names = new ArrayList<>(known);
                names.sort(null);
                throw new UserError(entry.getValue().origin + ": " + key(entry.getKey())
                        + ": unknown key (known here: " + String.join(", ", names) + ")");
            }
        }
    }

    /** One element of a YAML list, with its place and dotted path. */
    public record Item(Node node, String path) {
        public String origin() {
            return node.origin;
        }

        public Section section() {
            return new Section(node, path);
        }

        public long longValue() {
            return Scalars.toLong(node, path);
        }

        /** The item as plain Java data, like {@link Section#plain}. */
        public Object plain() {
            return Scalars.plain(node);
        }

        public UserError error(String problem) {
            return new UserError(node.origin + ": " + path + ": " + problem);
        }
    }
}
