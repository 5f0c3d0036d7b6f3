package org.mpjhpc.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mpjhpc.log.Quote;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into a {@link Node} tree. We compose rather than construct so that each
 * value keeps its line number for error messages.
 *
 * <p>A config is bounded before it costs anything: a regular file of at most
 * {@link #MAX_BYTES}, at most {@link #MAX_ALIASES} aliases, {@link #MAX_DEPTH} levels of
 * nesting and {@link #MAX_VALUES} values once aliases are expanded, and no alias inside
 * itself. A few hundred bytes of nested aliases ("billion laughs") would otherwise expand
 * to gigabytes, and a recursive one for ever.
 */
public final class YamlLoader {
    static final int MAX_BYTES = 4 << 20;
    static final int MAX_ALIASES = 100;
    static final int MAX_DEPTH = 64;
    static final int MAX_VALUES = 1_000_000;

    private YamlLoader() {
    }

    /** Loads a config file; a missing file or malformed YAML is a {@link UserError}. */
    public static Node loadFile(Path file) {
        String text;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new UserError(file + ": a config must be a regular file (this is a folder, device or pipe)");
            }
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                throw new UserError(file + ": config file of " + Files.size(file) + " bytes; at most "
                        + (MAX_BYTES >> 20) + " MiB");
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": config file not found");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read config file (" + e.getMessage() + ")");
        }
        Node root = parse(text, file.toString());
        if (root == null || !root.isMap()) {
            throw new UserError(file + ": the config must be a YAML mapping (key: value lines)");
        }
        return root;
    }

    /** Parses YAML text; {@code where} names its source in messages. Returns null if empty. */
    public static Node parse(String text, String where) {
        if (text.length() > MAX_BYTES) {
            throw new UserError(where + ": " + text.length() + " characters of YAML; at most " + (MAX_BYTES >> 20)
                    + " MiB");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        Yaml yaml = new Yaml(options);
        try (Reader reader = new StringReader(text)) {
            org.yaml.snakeyaml.nodes.Node raw = yaml.compose(reader);
            return raw == null ? null : new Converter(where).convert(raw, 0);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? -1 : e.getProblemMark().getLine() + 1;
            String at = line > 0 ? where + ":" + line : where;
            throw new UserError(at + ": malformed YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new UserError(where + ": malformed YAML: " + e.getMessage());
        }
    }

    /** Turns composed YAML into Nodes, counting values and refusing an alias inside itself. */
    private static final class Converter {
        private final String where;
        private final java.util.Set<org.yaml.snakeyaml.nodes.Node> open =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private int values;

        Converter(String where) {
            this.where = where;
        }

        Node convert(org.yaml.snakeyaml.nodes.Node raw, int depth) {
            String origin = where + ":" + (raw.getStartMark().getLine() + 1);
            if (++values > MAX_VALUES || depth > MAX_DEPTH) {
                throw new UserError(origin + ": the YAML expands to more than " + (depth > MAX_DEPTH
                        ? MAX_DEPTH + " levels of nesting" : MAX_VALUES + " values") + " (aliases inside aliases?)");
            }
            if (!open.add(raw)) {
                throw new UserError(origin + ": an alias refers to a value that contains it (endless YAML)");
            }
            try {
                return node(raw, origin, depth);
            } finally {
                open.remove(raw);
            }
        }

        private Node node(org.yaml.snakeyaml.nodes.Node raw, String origin, int depth) {
            if (raw instanceof MappingNode mapping) {
                Node node = Node.map(origin);
                Map<String, Node> map = node.asMap();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                        throw new UserError(origin + ": mapping keys must be plain names");
                    }
                    String keyOrigin = where + ":" + (key.getStartMark().getLine() + 1);
                    if (map.containsKey(key.getValue())) {
                        throw new UserError(keyOrigin + ": duplicate key " + Quote.of(key.getValue()));
                    }
                    map.put(key.getValue(), convert(tuple.getValueNode(), depth + 1));
                }
                return node;
            }
            if (raw instanceof SequenceNode sequence) {
                List<Node> list = new ArrayList<>();
                for (org.yaml.snakeyaml.nodes.Node item : sequence.getValue()) {
                    list.add(convert(item, depth + 1));
                }
                return new Node(list, origin, false);
            }
            ScalarNode scalar = (ScalarNode) raw;
            if (scalar.getTag().equals(Tag.NULL) && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                return new Node(null, origin, false);
            }
            boolean quoted = scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN;
            return new Node(scalar.getValue(), origin, quoted);
        }
    }
}
