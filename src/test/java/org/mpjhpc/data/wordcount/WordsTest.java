package org.mpjhpc.data.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mpjhpc.data.ByteTable;

class WordsTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}\\p{Nl}\\p{No}]+");

    /** The plain reference: a regex over the decoded text. */
    static Map<String, Long> reference(String text) {
        Map<String, Long> counts = new HashMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            counts.merge(m.group().toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
        return counts;
    }

    static Map<String, Long> counted(ByteTable t) {
        Map<String, Long> counts = new HashMap<>();
        for (int e = 0; e < t.size(); e++) {
            counts.put(t.key(e), t.count(e));
        }
        return counts;
    }

    @Test
    void tokenizerMatchesARegexCountOnMixedText() {
        String text = "El niño comió; the CAT's 3 cats — naïve Ärger, ÄRGER! x2y ümlaut\tend\n¿Qué? 42";
        ByteTable table = new ByteTable();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        long words = new Tokenizer().count(b, 0, b.length, table);
        Map<String, Long> expected = reference(text);
        assertEquals(expected, counted(table));
        assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), words);
    }

    /**
     * The tokenizer's definition, on Java's own decoding (malformed bytes become U+FFFD, not
     * a letter): runs of code points that are letters or digits, each lowercased alone.
     */
    private static Map<String, Long> byCodePoints(byte[] b) {
        Map<String, Long> counts = new HashMap<>();
        StringBuilder w = new StringBuilder();
        String text = new String(b, StandardCharsets.UTF_8) + " ";
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(Character.toLowerCase(cp));
            } else if (w.length() > 0) {
                counts.merge(w.toString(), 1L, Long::sum);
                w.setLength(0);
            }
        });
        return counts;
    }

    @Test
    void anyBytesSplitAsJavasDecoderReadsThem() {
        String[] pieces = {"a", "Z", "q", "7", " ", ".", "\n", "ñ", "Ä", "ß", "İ", "Ω", "я", "中", "٣", "—", "€", "😀",
            "𝐀", "ǅ"};
        byte[][] junk = {{(byte) 0xc3}, {(byte) 0x80}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xc0, (byte) 0x80},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xe0, (byte) 0x9f, (byte) 0xbf},
            {(byte) 0xff}};
        Random r = new Random(9);
        for (int round = 0; round < 200; round++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int k = r.nextInt(400); k > 0; k--) {
                byte[] p = r.nextInt(6) == 0 ? junk[r.nextInt(junk.length)]
                        : pieces[r.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8);
                out.write(p, 0, p.length);
            }
            byte[] b = out.toByteArray();
            ByteTable table = new ByteTable();
            long words = new Tokenizer().count(b, 0, b.length, table);
            Map<String, Long> expected = byCodePoints(b);
            assertEquals(expected, counted(table), "round " + round);
            assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), words);
        }
    }

    @Test
    void tableGrowsAndKeepsEveryCount() {
        Random r = new Random(3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("w").append(r.nextInt(20_000)).append(i % 7 == 0 ? ".\n" : " ");
        }
        ByteTable table = new ByteTable();
        byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(100_000, new Tokenizer().count(b, 0, b.length, table));
        assertEquals(reference(text.toString()), counted(table));
        assertEquals(100_000, table.total());
    }

    @Test
    void shuffleBucketsPartitionTheKeysAndMergeBack() {
        ByteTable t = new ByteTable();
        for (int i = 0; i < 5000; i++) {
            byte[] k = ("k" + (i % 777)).getBytes();
            t.add(k, 0, k.length, 1);
        }
        byte[][] buckets = Shuffle.buckets(t, 3);
        ByteTable back = new ByteTable();
        int records = 0;
        for (byte[] b : buckets) {
            records += Shuffle.merge(b, back);
        }
        assertEquals(777, records);
        assertEquals(777, back.size());
        assertEquals(5000, back.total());
    }
}
