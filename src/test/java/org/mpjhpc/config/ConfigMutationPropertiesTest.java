package org.mpjhpc.config;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mpjhpc.app.Workloads;
import org.yaml.snakeyaml.Yaml;

/**
 * Random mutations of every shipped config (keys deleted, values of the wrong type, huge
 * or negative numbers, aliases, deep nesting, random bytes, truncation): the reader gives
 * a valid job or a UserError within seconds, never another exception.
 */
class ConfigMutationPropertiesTest {
    private static final List<String> CONFIGS = new ArrayList<>();
    private static Path tmp;

    @BeforeContainer
    static void inputs() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("configs"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> {
                try {
                    CONFIGS.add(Files.readString(p));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        tmp = Files.createTempDirectory("mutations");
        Path data = Files.createDirectories(tmp.resolve("data/text"));
        Files.writeString(data.resolve("a.txt"), "one two two\n");
        Files.writeString(tmp.resolve("data/sensors.csv"), "id,timestamp,category,value\n1,1,a,1.5\n");
        ByteBuffer col = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN); // an empty columnar file
        col.put("MPJCOL01".getBytes(StandardCharsets.US_ASCII)).putInt(65536).putLong(0).putInt(0);
        Files.write(tmp.resolve("data/sensors.col"), col.array());
    }

    @Property(tries = 600)
    void anyMutationIsAJobOrAUserError(@ForAll @IntRange(min = 0, max = 999) int which, @ForAll long seed)
            throws IOException {
        Random r = new Random(seed);
        String text = CONFIGS.get(which % CONFIGS.size()).replace("data/", tmp + "/data/");
        String mutated = r.nextInt(3) == 0 ? mutateText(text, r) : mutateTree(text, r);
        Path file = tmp.resolve("job.yaml");
        Files.writeString(file, mutated);
        String out = tmp.resolve("out").toString();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                Workloads.read(file, List.of(), null, out, 0);
            } catch (UserError e) {
                // one message: what a broken config must give
            }
        }, () -> "config:\n" + mutated);
    }

    private static String mutateText(String text, Random r) {
        int at = r.nextInt(text.length() + 1);
        return switch (r.nextInt(5)) {
            case 0 -> text.substring(0, at);
            case 1 -> {
                byte[] junk = new byte[1 + r.nextInt(20)];
                r.nextBytes(junk);
                yield text.substring(0, at) + new String(junk, StandardCharsets.ISO_8859_1) + text.substring(at);
            }
            case 2 -> text + "\nbomb: &b0 [x, x, x, x, x, x, x, x]\nb1: &b1 [*b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0]\n"
                    + "b2: &b2 [*b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1]\nb3: [*b2, *b2, *b2, *b2, *b2, *b2, *b2]\n";
            case 3 -> text + "\nloop: &l [1, *l]\n";
            default -> text + "\ndeep: " + "[".repeat(200 + r.nextInt(5000)) + "]".repeat(200) + "\n";
        };
    }

    @SuppressWarnings("unchecked")
    private static String mutateTree(String text, Random r) {
        Yaml yaml = new Yaml();
        Object root = yaml.load(text);
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            mutateOne(root, r);
        }
        return yaml.dump(root);
    }

    @SuppressWarnings("unchecked")
    private static void mutateOne(Object node, Random r) {
        while (true) {
            if (node instanceof Map<?, ?> m && !m.isEmpty()) {
                Map<String, Object> map = (Map<String, Object>) m;
                String key = new ArrayList<>(map.keySet()).get(r.nextInt(map.size()));
                Object child = map.get(key);
                if (r.nextInt(3) == 0 || !(child instanceof Map || child instanceof List)) {
                    if (r.nextInt(4) == 0) {
                        map.remove(key);
                    } else {
                        map.put(key, randomValue(r));
                    }
                    return;
                }
                node = child;
            } else if (node instanceof List<?> l && !l.isEmpty()) {
                List<Object> list = (List<Object>) l;
                int i = r.nextInt(list.size());
                if (r.nextInt(3) == 0 || !(list.get(i) instanceof Map || list.get(i) instanceof List)) {
                    list.set(i, randomValue(r));
                    return;
                }
                node = list.get(i);
            } else {
                return;
            }
        }
    }

    private static Object randomValue(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> null;
            case 1 -> -1;
            case 2 -> 0;
            case 3 -> Long.MAX_VALUE;
            case 4 -> 1e300;
            case 5 -> Double.NaN;
            case 6 -> "x".repeat(r.nextInt(3000));
            case 7 -> r.nextBoolean();
            case 8 -> new ArrayList<>(List.of(1, "two", new ArrayList<>()));
            case 9 -> new java.util.LinkedHashMap<>(Map.of("unknown", 1));
            case 10 -> "../../..";
            default -> r.nextInt(2_000_000_000);
        };
    }
}
