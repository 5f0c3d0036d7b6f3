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
import org.mpjhpc.app.UserError;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.DumperOptions;
import org.mpjhpc.log.Quote;

/**
 * Reads YAML into a {@link Node} tree. We compose rather than construct so that each
 * value keeps its line number for error messages.
 */
public final class YamlLoader {
    private YamlLoader() {
    }

    /** Loads a config file; a missing file or malformed YAML is a {@link UserError}. */
    public static Node loadFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
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
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(options);
        try (Reader reader = new StringReader(text)) {
            org.yaml.snakeyaml.nodes.Node raw = yaml.compose(reader);
            return raw == null ? null : convert(raw, where);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? -1 : e.getProblemMark().getLine() + 1;
            String at = line > 0 ? where + ":" + line : where;
            throw new UserError(at + ": malformed YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new UserError(where + ": malformed YAML: " + e.getMessage());
        }
    }

    private static Node convert(org.yaml.snakeyaml.nodes.Node raw, String where) {
        String origin = where + ":" + (raw.getStartMark().getLine() + 1);
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
                map.put(key.getValue(), convert(tuple.getValueNode(), where));
            }
            return node;
        }
        if (raw instanceof SequenceNode sequence) {
            List<Node> list = new ArrayList<>();
            for (org.yaml.snakeyaml.nodes.Node item : sequence.getValue()) {
                list.add(convert(item, where));
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
