package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mpjhpc.data.format.CsvHeader;
import org.mpjhpc.data.format.CsvLayout;
import org.mpjhpc.data.format.CsvScanner;
import org.mpjhpc.data.format.Decimals;
import org.mpjhpc.data.format.RowSink;

class ParsingTest {
    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Decimals.parse(b, 0, b.length);
    }

    @Test
    void decimalsEqualJavasParserBitForBit() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String s = switch (i % 4) {
                case 0 -> Long.toString(r.nextLong() % 1_000_000_000_000L);
                case 1 -> String.format("%.3f", r.nextGaussian() * 1e6);
                case 2 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
                default -> (r.nextBoolean() ? "-" : "") + r.nextInt(1000) + "." + Long.toString(Math.abs(r.nextLong()));
            };
            assertEquals(Double.doubleToLongBits(Double.parseDouble(s)), Double.doubleToLongBits(parse(s)), s);
        }
        assertEquals(Double.NaN, parse("NaN"));
        assertEquals(1e300, parse("1e300"));
    }

    @Test
    void notANumberIsRejected() {
        for (String bad : new String[] {"", "-", ".", "12.3x", "1.2.3", "abc", "1d", " "}) {
            assertThrows(NumberFormatException.class, () -> parse(bad), bad);
        }
    }

    /** A sink that writes down what it is given. */
    static final class Rows implements RowSink {
        final List<String> seen = new ArrayList<>();

        @Override
        public void row(double value, byte[] b, int from, int to) {
            seen.add(value + "|" + new String(b, from, to - from, StandardCharsets.UTF_8));
        }

        @Override
        public void malformed(long line, String reason) {
            seen.add("line " + line + ": " + reason);
        }
    }

    @Test
    void scannerReadsRowsAndNamesEachMalformedOne() {
        String text = "1,a,2.5\n2,b\n3,c,12.3x\n4,,1\n5,d,\n\r\n6, \"e,f\" ,7\n7,g,8";
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Rows rows = new Rows();
        long lines = new CsvScanner(new CsvLayout((byte) ',', 3, 2, 1)).scan(b, 0, b.length, 10, rows);
        assertEquals(8, lines);
        assertEquals(List.of("2.5|a", "line 11: expected 3 fields, got 2", "line 12: not a number: '12.3x'",
                "line 13: empty category", "line 14: empty value", "7.0|e,f", "8.0|g"), rows.seen);
    }

    @Test
    void headerColumnsAreFoundByNameAndAMissingOneIsNamed() {
        CsvLayout layout = CsvHeader.layout("\uFEFFid;\"the value\";site", ';', "the value", "site", "f.csv");
        assertEquals(new CsvLayout((byte) ';', 3, 1, 2), layout);
        var e = assertThrows(org.mpjhpc.config.UserError.class,
                () -> CsvHeader.layout("id,value", ',', "temp", null, "f.csv"));
        assertEquals("f.csv: line 1: no column 'temp' in the header (columns: id, value)", e.getMessage());
    }

    @Test
    void aHugeBadValueIsOneMalformedRowWithAShortReasonThatSurvivesTheWire() {
        String value = "9".repeat(70_000) + "x";
        byte[] b = ("1,a," + value + "\n2,b,3\n").getBytes(StandardCharsets.UTF_8);
        LocalData data = new LocalData(Transform.NONE, RowFilter.DEFAULT, true, List.of());
        new CsvScanner(new CsvLayout((byte) ',', 3, 2, 1)).scan(b, 0, b.length, 1, data);
        data.endPiece(0, 2);
        assertEquals(1, data.malformed);
        String reason = data.pieces.get(0).bad().get(0).reason();
        assertTrue(reason.length() < 300 && reason.endsWith("... (70001 bytes)'"), reason);
        assertEquals(data.pieces, Pieces.decode(Pieces.encode(data.pieces)));
        LocalData.Bad long64k = new LocalData.Bad(3, "x".repeat(70_000)); // whatever a reason holds
        List<LocalData.Piece> pieces = List.of(new LocalData.Piece(1, 3, List.of(long64k)));
        assertEquals(pieces, Pieces.decode(Pieces.encode(pieces)));
    }

    @Test
    void aLongHeaderIsNotEchoedWhole() {
        String header = "c".repeat(1_000_000) + ",value";
        var e = assertThrows(org.mpjhpc.config.UserError.class, () -> CsvHeader.layout(header, ',', "temp", null, "f"));
        assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " characters");
        assertTrue(e.getMessage().contains("(1000007 characters)"), e.getMessage());
    }

    @Test
    void aHeaderIsReadTheSameWhereverANonUtf8ByteSits() throws java.io.IOException {
        for (int at : new int[] {10, 20_000}) {
            byte[] head = ("id," + "x".repeat(at) + ",value").getBytes(StandardCharsets.US_ASCII);
            head[at] = (byte) 0xE9; // Latin-1 'é', not UTF-8
            java.nio.file.Path f = java.nio.file.Files.createTempFile("header", ".csv");
            java.nio.file.Files.write(f, concat(head, "\n1,2,3\n".getBytes(StandardCharsets.US_ASCII)));
            String line = CsvHeader.firstLine(f);
            assertEquals('\uFFFD', line.charAt(at));
            assertEquals(new CsvLayout((byte) ',', 3, 2, -1), CsvHeader.layout(line, ',', "value", null, "f"));
            java.nio.file.Files.delete(f);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
