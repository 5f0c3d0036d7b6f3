package org.mpjhpc.data.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjhpc.mapreduce.KeyCodec;

/** The ready codecs give back what they were given, and the protocol's messages survive their bytes. */
class CodecsTest {
    @Test
    void readyCodecsRoundTrip() throws Exception {
        roundTrip(KeyCodec.STRING, List.of("", "a", "canción", "😀\t\n", "x".repeat(100_000)));
        roundTrip(KeyCodec.LONG, List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
        roundTrip(KeyCodec.DOUBLE, List.of(0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 1e-300, Math.PI));
        roundTrip(new org.mpjhpc.mapreduce.examples.InvertedIndex().valueCodec(), List.of(
                new org.mpjhpc.mapreduce.examples.InvertedIndex.Place("a.txt", 1),
                new org.mpjhpc.mapreduce.examples.InvertedIndex.Place("a.txt", 1L << 39),
                new org.mpjhpc.mapreduce.examples.InvertedIndex.Place("b ñ.txt", 7),
                new org.mpjhpc.mapreduce.examples.InvertedIndex.Place("a.txt", 2)));
    }

    private static <T> void roundTrip(KeyCodec<T> codec, List<T> values) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        for (T v : values) {
            codec.write(v, out);
        }
        DataInputStream skipping = new DataInputStream(new ByteArrayInputStream(b.toByteArray()));
        for (T v : values) {
            codec.skip(skipping);
        }
        assertEquals(0, skipping.available(), "skip passes over exactly what read reads");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(b.toByteArray()));
        for (T v : values) {
            T back = codec.read(in);
            if (v instanceof Double d) {
                assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) back));
            } else {
                assertEquals(v, back);
            }
        }
        assertEquals(0, in.available(), "nothing left over");
    }

    @Test
    void ordersAndReportsRoundTrip() {
        Orders.Order map = Orders.Order.map(new Chunk(7, 2, 100, 200, 13), 3);
        Orders.Order back = Orders.Order.decode(map.encode());
        assertEquals(map.chunk(), back.chunk());
        assertEquals(3, back.attempt());
        Orders.Order end = Orders.Order.decode(Orders.Order.end(false, new int[] {4, 1}).encode());
        assertEquals(false, end.proceed());
        assertArrayEquals(new int[] {4, 1}, end.accepted());
        Orders.Report r = new Orders.Report(Orders.ReportKind.FAILED, 5, 2, 1, 2, 3, 4, 5, "boom: é");
        assertEquals(r, Orders.Report.decode(r.encode()));
    }

    @Test
    void csvFieldsMayBeQuotedAndAreTrimmedAsTheStatisticsJobReadsThem() {
        assertEquals(List.of("a", "b,c", "say \"hi\"", ""),
                org.mpjhpc.data.format.CsvHeader.split(" a ,\"b,c\",\"say \"\"hi\"\"\",", ','));
        assertEquals(List.of("x"), org.mpjhpc.data.format.CsvHeader.split("x", ';'));
    }

    @Test
    void topKeepsTheLargestAndBreaksTiesByKey() {
        TopK t = new TopK(2);
        t.offer("b", 5);
        t.offer("a", 5);
        t.offer("c", 1);
        t.offer("d", Double.NaN);
        assertEquals(List.of(new TopK.Entry("a", 5), new TopK.Entry("b", 5)), t.entries());
        assertEquals(List.of(new TopK.Entry("z", 9), new TopK.Entry("a", 5)),
                TopK.merge(List.of(t.entries(), List.of(new TopK.Entry("z", 9))), 2));
    }

    @Test
    void topIsTheHeadOfTheWholeListSortedBestFirst() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            int k = rnd.nextInt(6);
            TopK t = new TopK(k);
            List<TopK.Entry> all = new java.util.ArrayList<>();
            for (int i = rnd.nextInt(40); i > 0; i--) { // few values, so many ties
                TopK.Entry e = new TopK.Entry("k" + rnd.nextInt(1000), rnd.nextInt(5) - 2);
                if (all.stream().noneMatch(x -> x.key().equals(e.key()))) {
                    all.add(e);
                    t.offer(e.key(), e.value());
                }
            }
            all.sort(java.util.Comparator.comparingDouble(TopK.Entry::value).reversed()
                    .thenComparing(TopK.Entry::key));
            assertEquals(all.subList(0, Math.min(k, all.size())), t.entries(), "round " + round);
        }
    }

    @Test
    void shufflePiecesCarryEverySegmentWholeWhateverTheirSize() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        List<MapOutput> outputs = new java.util.ArrayList<>();
        for (int t = 0; t < 6; t++) {
            byte[][] parts = new byte[5][];
            long[] pairs = new long[5];
            for (int p = 0; p < 5; p++) {
                parts[p] = new byte[rnd.nextInt(0, 200)];
                rnd.nextBytes(parts[p]);
                pairs[p] = rnd.nextInt(1000);
            }
            outputs.add(new MapOutput(parts, 0, 0, 0, 0, pairs));
        }
        for (int cap : new int[] {1, 100, 300, 1 << 20}) {
            List<byte[]> pieces = Pieces.pack(outputs, 1, 2, 5, cap);
            for (byte[] piece : pieces) {
                assertTrue(piece.length <= Math.max(cap, 16 + 200), "a piece stays under the cap unless one segment is larger");
            }
            java.util.Map<Integer, List<Segment>> segments = new java.util.TreeMap<>(java.util.Map.of(1, new java.util.ArrayList<>(),
                    3, new java.util.ArrayList<>()));
            java.util.Map<Integer, Long> pairs = new java.util.TreeMap<>();
            Pieces.unpack(List.of(pieces), segments, pairs);
            for (int p : new int[] {1, 3}) {
                assertEquals(outputs.size(), segments.get(p).size(), "every task's segment of partition " + p);
                long expected = 0;
                for (int t = 0; t < outputs.size(); t++) {
                    Segment seg = segments.get(p).get(t);
                    assertArrayEquals(outputs.get(t).parts()[p], java.util.Arrays.copyOfRange(seg.bytes(), seg.from(),
                            seg.to()), "cap " + cap);
                    expected += outputs.get(t).partPairs()[p];
                }
                assertEquals(expected, pairs.get(p));
            }
        }
    }

    @Test
    void theUnlockedStreamsWriteAndReadWhatJavasDataStreamsDo() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream java = new DataOutputStream(expected);
        ByteOut ours = new ByteOut(1);
        for (java.io.DataOutput out : new java.io.DataOutput[] {java, ours}) {
            out.writeInt(-7);
            out.writeLong(Long.MIN_VALUE + 3);
            out.writeShort(-2);
            out.writeChar('é');
            out.writeBoolean(true);
            out.writeByte(200);
            out.writeDouble(-0.0);
            out.writeFloat(Float.NaN);
            out.writeUTF("naïve 😀");
            out.write(new byte[] {1, 2, 3}, 1, 2);
            out.writeChars("ab");
            out.writeBytes("cd");
        }
        assertArrayEquals(expected.toByteArray(), ours.toByteArray());
        ByteIn in = new ByteIn(ours.toByteArray());
        assertEquals(-7, in.readInt());
        assertEquals(Long.MIN_VALUE + 3, in.readLong());
        assertEquals(-2, in.readShort());
        assertEquals('é', in.readChar());
        assertTrue(in.readBoolean());
        assertEquals(200, in.readUnsignedByte());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(in.readDouble()));
        assertTrue(Float.isNaN(in.readFloat()));
        assertEquals("naïve 😀", in.readUTF());
        byte[] two = new byte[2];
        in.readFully(two);
        assertArrayEquals(new byte[] {2, 3}, two);
        assertEquals('a', in.readChar());
        assertEquals('b', in.readChar());
        assertEquals(2, in.skipBytes(5));
        assertTrue(!in.hasRemaining());
        org.junit.jupiter.api.Assertions.assertThrows(java.io.EOFException.class, in::readInt);
    }
}
