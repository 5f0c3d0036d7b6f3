package org.mpjhpc.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.config.RecordCodec;
import org.mpjhpc.config.UserError;

/** Every job the project ships survives the trip to the ranks unchanged, and damage is refused. */
class LaunchCodecTest {
    @TempDir
    Path dir;

    @Test
    void everyShippedJobComesBackEqualInEveryPart() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("configs"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Path csv = Files.writeString(dir.resolve("rows.csv"), "category,value\na,1.5\nb,2\n");
        Path text = Files.writeString(dir.resolve("words.txt"), "a b a\n");
        Map<String, List<String>> data = Map.of("stats", List.of("stats.input=" + csv, "stats.partition=stream"),
                "wordcount", List.of("wordcount.inputs=[" + text + "]"));
        List<String> checked = new ArrayList<>();
        for (Path file : files) {
            String kind = Files.readString(file).contains("job: stats") ? "stats"
                    : Files.readString(file).contains("job: wordcount") ? "wordcount" : "";
            JobConfig job;
            try {
                job = Workloads.read(file, data.getOrDefault(kind, List.of()), null, dir.resolve("out").toString(), 0,
                        false);
            } catch (UserError e) {
                continue; // e.g. the binary statistics job needs a generated file
            }
            Launch sent = new Launch(job, 1234, null);
            Launch got = Launch.decode(sent.encode());
            assertDeepEquals(sent, got, file.toString());
            checked.add(job.kind());
        }
        assertTrue(checked.containsAll(List.of("farm", "fv", "generate", "stats", "wordcount", "sleep-barrier")),
                "workloads checked: " + checked);
    }

    @Test
    void anErrorTravelsAsWellAsAJob() {
        Launch got = Launch.decode(new Launch(null, 0, "line 3: 'workers' must be positive").encode());
        assertEquals("line 3: 'workers' must be positive", got.error());
        assertEquals(null, got.job());
    }

    @Test
    void truncatedTrailingOrForeignBytesAreRefused() throws Exception {
        JobConfig job = Workloads.read(Path.of("configs/quickstart.yaml"), List.of(), null, dir.toString(), 0, false);
        byte[] whole = new Launch(job, 0, null).encode();
        for (int cut : new int[] {0, 1, 5, whole.length / 2, whole.length - 1}) {
            assertThrows(IllegalStateException.class, () -> Launch.decode(Arrays.copyOf(whole, cut)), "cut at " + cut);
        }
        assertThrows(IllegalStateException.class, () -> Launch.decode(Arrays.copyOf(whole, whole.length + 1)));
        byte[] renamed = RecordCodec.encode(job);
        String text = new String(renamed, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("org.mpjhpc.config.JobConfig", "org.mpjhpc.config.JobConfiX");
        assertThrows(IllegalStateException.class,
                () -> RecordCodec.decode(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), getClass().getClassLoader()));
    }

    @Test
    void collectionsArraysAndOtherSerializableValuesKeepTheirContent() {
        record Box(List<Integer> list, java.util.Set<String> set, Map<String, Object> map, double[] numbers,
                Thread.State[] states, java.math.BigDecimal other, char c, float f, byte b, short s) {
        }
        Box box = new Box(List.of(3, 1, 2), new java.util.LinkedHashSet<>(List.of("b", "a")),
                Map.of("k", List.of(1L, "x")), new double[] {Double.NaN, -0.0}, new Thread.State[] {Thread.State.NEW},
                new java.math.BigDecimal("1.50"), 'é', 1.5f, (byte) -1, (short) 300);
        Box got = (Box) RecordCodec.decode(RecordCodec.encode(box), getClass().getClassLoader());
        assertDeepEquals(box, got, "box");
        assertEquals(List.of(3, 1, 2).getClass(), got.list().getClass(), "lists come back as the config readers make them");
    }

    /** Record equality compares arrays by identity: compare every component, arrays by content. */
    private static void assertDeepEquals(Object a, Object b, String where) {
        if (a instanceof Record r) {
            assertEquals(a.getClass(), b.getClass(), where);
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    assertDeepEquals(c.getAccessor().invoke(a), c.getAccessor().invoke(b), where + "." + c.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        } else if (a instanceof List<?> l) {
            assertEquals(l.size(), ((List<?>) b).size(), where);
            for (int i = 0; i < l.size(); i++) {
                assertDeepEquals(l.get(i), ((List<?>) b).get(i), where + "[" + i + "]");
            }
        } else if (a != null && a.getClass().isArray()) {
            assertTrue(Arrays.deepEquals(new Object[] {a}, new Object[] {b}), where);
        } else {
            assertEquals(a, b, where);
        }
    }
}
