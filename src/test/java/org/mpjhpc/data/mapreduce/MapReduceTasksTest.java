package org.mpjhpc.data.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.data.ByteTable;
import org.mpjhpc.mapreduce.Mapper;
import org.mpjhpc.mapreduce.examples.InvertedIndex;
import org.mpjhpc.mapreduce.examples.WordCount;

/** Map and reduce tasks without MPI: the same output for any chunking, partitioning and combining. */
class MapReduceTasksTest {
    @TempDir
    Path dir;

    @Test
    void wordCountIsTheSameWithOrWithoutTheCombinerForAnyChunksAndPartitions() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 30; round++) {
            Path file = Files.write(dir.resolve("t" + round), ChunkTest.text(rnd));
            Map<String, Long> expected = reference(Files.readString(file));
            long size = 1 + rnd.nextInt(400);
            int partitions = 1 + rnd.nextInt(5);
            for (boolean combine : new boolean[] {true, false}) {
                String tsv = run(new PairWords(), combine ? new WordCount.Sum() : null, new WordCount.Sum(), file,
                        size, partitions, null);
                assertEquals(expected.toString(), parse(tsv).toString(), "round " + round + ", combine " + combine);
            }
            String counted = run(new WordCount(), null, new WordCount.Sum(), file, size, partitions, null);
            assertEquals(expected.toString(), parse(counted).toString(), "round " + round + ", the counting word count");
        }
    }

    @Test
    void wholeLinesAtOnceCountWhatLineByLineCounts() throws Exception {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 30; round++) {
            Path file = Files.write(dir.resolve("w" + round), ChunkTest.text(rnd));
            long size = 1 + rnd.nextInt(400);
            int partitions = 1 + rnd.nextInt(4);
            String lineByLine = run(new LineByLine(), null, new WordCount.Sum(), file, size, partitions, null);
            assertEquals(lineByLine, run(new WordCount(), null, new WordCount.Sum(), file, size, partitions, null),
                    "round " + round);
            for (Chunk c : Chunk.plan(List.of(file.toString()), size, false)) {
                assertEquals(new UserMapper(new LineByLine()).map(c, file.toString(), (char) 0, null, null, 1).records(),
                        new UserMapper(new WordCount()).map(c, file.toString(), (char) 0, null, null, 1).records(),
                        "round " + round + ", lines of chunk " + c);
            }
        }
    }

    @Test
    void aFailureInWholeLinesFailsTheTask() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "a b\nc\n");
        org.mpjhpc.mapreduce.CountingMapper broken = new org.mpjhpc.mapreduce.CountingMapper() {
            @Override
            public void map(org.mpjhpc.mapreduce.InputRecord record, org.mpjhpc.mapreduce.Counts out) {
            }

            @Override
            public boolean mapLines(byte[] b, int from, int to, org.mpjhpc.mapreduce.Counts out) throws Exception {
                throw new java.io.IOException("broken");
            }
        };
        MapTask.MapperFailed e = assertThrows(MapTask.MapperFailed.class, () -> new UserMapper(broken)
                .map(new Chunk(0, 0, 0, 6, -1), file.toString(), (char) 0, null, null, 1));
        assertEquals("broken", e.getCause().getMessage());
    }

    /** The word count without its whole-lines shortcut: every line handed over alone. */
    private static final class LineByLine implements org.mpjhpc.mapreduce.CountingMapper {
        private final WordCount words = new WordCount();

        @Override
        public void map(org.mpjhpc.mapreduce.InputRecord record, org.mpjhpc.mapreduce.Counts out) {
            words.map(record, out);
        }
    }

    @Test
    void onlyTheChosenKeysAreReduced() throws Exception {
        Path file = Files.writeString(dir.resolve("k"), "a b c a\nb a\n");
        String tsv = run(new PairWords(), new WordCount.Sum(), new WordCount.Sum(), file, 3, 2, Set.of("a", "c"));
        assertEquals("{a=3, c=1}", parse(tsv).toString());
        assertEquals("{a=3, c=1}", parse(run(new WordCount(), null, new WordCount.Sum(), file, 3, 2, Set.of("a", "c")))
                .toString());
    }

    @Test
    void aCountingTaskReportsEveryWordItCountedWithOrWithoutTheKeysFilter() throws Exception {
        Path file = Files.writeString(dir.resolve("e"), "a b c a\nb a\n");
        Chunk whole = Chunk.plan(List.of(file.toString()), 100, false).get(0);
        UserMapper m = new UserMapper(new WordCount());
        MapOutput all = m.map(whole, file.toString(), (char) 0, null, null, 1);
        MapOutput some = m.map(whole, file.toString(), (char) 0, null, Set.of("a"), 1);
        assertEquals(6, all.emitted(), "every word");
        assertEquals(6, some.emitted(), "every word, those the filter left out too");
        assertEquals(6, all.table().total());
        assertEquals(3, some.table().total(), "only a's counts kept");
    }

    @Test
    void theInvertedIndexNamesEveryLineOnceInOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("ix"), "b a\na a\n\nB\n");
        String tsv = run(new InvertedIndex(), null, new InvertedIndex.Places(), file, 2, 3, null);
        Map<String, String> byKey = new TreeMap<>();
        for (String line : tsv.split("\n")) {
            byKey.put(line.split("\t")[0], line.split("\t")[1]);
        }
        assertEquals("{a=" + file + ":1," + file + ":2, b=" + file + ":1," + file + ":4}", byKey.toString());
    }

    @Test
    void placesAreSortedByFileNameThenLineNumberEachOnce() {
        assertEquals("a:9,a:10,b:1,b:2,b:c:3", new InvertedIndex.Places().reduce("w", List.of(place("b", 2),
                place("a", 10), place("b:c", 3), place("b", 1), place("a", 9), place(new String("a"), 10), place("b", 2))));
        assertEquals("x:1", new InvertedIndex.Places().reduce("w", List.of(place("x", 1), place("x", 1))));
    }

    private static InvertedIndex.Place place(String file, long line) {
        return new InvertedIndex.Place(file, line);
    }

    @Test
    void partsAreSortedAndTabsOrBreaksInKeysAreEscaped() throws Exception {
        assertEquals("a\\tb\\\\c\\nd", ReduceTask.escape("a\tb\\c\nd"));
        Path file = Files.writeString(dir.resolve("s"), "zeta alpha Mid 10 9\n");
        String tsv = run(new PairWords(), null, new WordCount.Sum(), file, 100, 1, null);
        assertEquals("10\t1\n9\t1\nalpha\t1\nmid\t1\nzeta\t1\n", tsv);
    }

    @Test
    void aKeysPartitionDependsOnlyOnItsBytes() {
        byte[] key = "same".getBytes(StandardCharsets.UTF_8);
        int p = Partitions.ofHash(ByteTable.hash(key, 0, key.length), 7);
        assertEquals(p, Partitions.ofHash(ByteTable.hash("same".getBytes(StandardCharsets.UTF_8), 0, 4), 7));
        int[] seen = new int[7];
        for (int i = 0; i < 7000; i++) {
            byte[] k = ("w" + i).getBytes(StandardCharsets.UTF_8);
            seen[Partitions.ofHash(ByteTable.hash(k, 0, k.length), 7)]++;
        }
        for (int n : seen) {
            assertTrue(n > 800 && n < 1200, "keys spread over partitions: " + java.util.Arrays.toString(seen));
        }
    }

    @Test
    void aMapperThatEmitsNullFailsItsTask() throws Exception {
        Path file = Files.writeString(dir.resolve("n"), "x\n");
        MapTask<String, Long> task = new MapTask<>(new NullEmitter(), null, null, 1);
        assertThrows(IllegalArgumentException.class, () -> task.run(new Chunk(0, 0, 0, 2, -1), file.toString(), (char) 0));
    }

    /** Word count with pairs: each word with 1, for the combiner's tests. */
    static final class PairWords implements Mapper<String, Long> {
        @Override
        public void map(org.mpjhpc.mapreduce.InputRecord record, org.mpjhpc.mapreduce.Emitter<String, Long> out) {
            for (String w : record.text().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
                if (!w.isEmpty()) {
                    out.emit(w, 1L);
                }
            }
        }

        @Override
        public org.mpjhpc.mapreduce.KeyCodec<String> keyCodec() {
            return org.mpjhpc.mapreduce.KeyCodec.STRING;
        }

        @Override
        public org.mpjhpc.mapreduce.KeyCodec<Long> valueCodec() {
            return org.mpjhpc.mapreduce.KeyCodec.LONG;
        }
    }

    /** Emits a null value. */
    static final class NullEmitter implements Mapper<String, Long> {
        @Override
        public void map(org.mpjhpc.mapreduce.InputRecord record, org.mpjhpc.mapreduce.Emitter<String, Long> out) {
            out.emit(record.text(), null);
        }

        @Override
        public org.mpjhpc.mapreduce.KeyCodec<String> keyCodec() {
            return org.mpjhpc.mapreduce.KeyCodec.STRING;
        }

        @Override
        public org.mpjhpc.mapreduce.KeyCodec<Long> valueCodec() {
            return org.mpjhpc.mapreduce.KeyCodec.LONG;
        }
    }

    @Test
    void aWorkersMergedCountingTablesReduceToWhatEveryTasksTableDoes() throws Exception {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int round = 0; round < 30; round++) {
            Path file = Files.write(dir.resolve("m" + round), ChunkTest.text(rnd));
            long size = 1 + rnd.nextInt(300);
            int partitions = 1 + rnd.nextInt(4);
            int workers = 1 + rnd.nextInt(3);
            List<WorkerOutputs> held = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                held.add(new WorkerOutputs());
            }
            long made = 0;
            Set<Integer> accepted = new java.util.HashSet<>();
            UserMapper m = new UserMapper(new WordCount());
            for (Chunk c : Chunk.plan(List.of(file.toString()), size, false)) {
                MapOutput out = m.map(c, file.toString(), (char) 0, null, null, partitions);
                made += out.pairs();
                held.get(rnd.nextInt(workers)).put(c.id(), out);
                accepted.add(c.id());
            }
            List<List<Segment>> byPartition = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                byPartition.add(new ArrayList<>());
            }
            long sent = 0;
            for (WorkerOutputs h : held) {
                h.retain(accepted);
                List<MapOutput> shuffled = h.forShuffle(partitions);
                assertTrue(shuffled.size() <= 1, "one merged output per worker");
                sent += WorkerOutputs.pairs(shuffled);
                for (MapOutput o : shuffled) {
                    for (int p = 0; p < partitions; p++) {
                        byPartition.get(p).add(Segment.of(o.parts()[p]));
                    }
                }
            }
            assertTrue(sent <= made && (sent > 0) == (made > 0), "round " + round + ": " + sent + " of " + made);
            assertEquals(run(new WordCount(), null, new WordCount.Sum(), file, size, partitions, null),
                    reduceAll(byPartition, m, new WordCount.Sum()), "round " + round);
        }
    }

    @Test
    void aTaskTheMasterDidNotAcceptIsLeftOutOfTheMerge() throws Exception {
        Path file = Files.writeString(dir.resolve("acc"), "a b\na\n");
        UserMapper m = new UserMapper(new WordCount());
        Chunk whole = Chunk.plan(List.of(file.toString()), 100, false).get(0);
        WorkerOutputs held = new WorkerOutputs();
        held.put(0, m.map(whole, file.toString(), (char) 0, null, null, 1));
        held.put(1, m.map(whole, file.toString(), (char) 0, null, null, 1)); // ran again elsewhere, counted there
        held.retain(Set.of(0));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        new ReduceTask<>(org.mpjhpc.mapreduce.KeyCodec.STRING, org.mpjhpc.mapreduce.KeyCodec.LONG, new WordCount.Sum())
                .run(List.of(Segment.of(held.forShuffle(1).get(0).parts()[0])), o, 3);
        assertEquals("a\t2\nb\t1\n", o.toString(StandardCharsets.UTF_8));
    }

    /** Maps every chunk, reduces every partition, and returns the part files end to end. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String run(Object mapper, org.mpjhpc.mapreduce.Combiner combiner, org.mpjhpc.mapreduce.Reducer reducer,
            Path file, long size, int partitions, Set<String> keys) throws Exception {
        UserMapper m = new UserMapper(mapper);
        List<List<Segment>> byPartition = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            byPartition.add(new ArrayList<>());
        }
        for (Chunk c : Chunk.plan(List.of(file.toString()), size, m.lineNumbers())) {
            MapOutput out = m.map(c, file.toString(), (char) 0, combiner, keys, partitions).encoded(partitions);
            for (int p = 0; p < partitions; p++) {
                byPartition.get(p).add(Segment.of(out.parts()[p]));
            }
        }
        return reduceAll(byPartition, m, reducer);
    }

    /** Reduces every partition's segments; returns the part files end to end. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String reduceAll(List<List<Segment>> byPartition, UserMapper m, org.mpjhpc.mapreduce.Reducer reducer)
            throws Exception {
        StringBuilder all = new StringBuilder();
        for (List<Segment> segments : byPartition) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            org.mpjhpc.mapreduce.KeyCodec[] codecs = m.codecs();
            new ReduceTask(codecs[0], codecs[1], reducer, m.counting()).run(segments, o, 3);
            all.append(o.toString(StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    private static Map<String, Long> parse(String tsv) {
        Map<String, Long> m = new TreeMap<>();
        for (String line : tsv.split("\n")) {
            if (!line.isEmpty()) {
                String[] kv = line.split("\t");
                assertEquals(null, m.put(kv[0], Long.parseLong(kv[1])), "key " + kv[0] + " written twice");
            }
        }
        return m;
    }

    /** Words counted the plain way: split on anything that is not a letter or digit. */
    private static Map<String, Long> reference(String text) {
        Map<String, Long> m = new TreeMap<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (!w.isEmpty()) {
                m.merge(w, 1L, Long::sum);
            }
        }
        return m;
    }
}
