package peer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * The same jobs in Spark local mode: {@code wordcount} (words: maximal runs of letters and
 * digits, lowercased) and {@code index} (each word with its sorted file:line places).
 * Writes OUT as "key TAB value" lines sorted by key, and prints "seconds S" for the job
 * alone (context start-up excluded) on its last line.
 *
 * <pre>java -cp ... peer.SparkPeer wordcount|index THREADS OUT FILE...</pre>
 */
public final class SparkPeer {
    public static void main(String[] a) throws IOException {
        SparkConf conf = new SparkConf().setMaster("local[" + a[1] + "]").setAppName("peer")
                .set("spark.ui.enabled", "false").set("spark.sql.shuffle.partitions", a[1]);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("ERROR");
            long t0 = System.nanoTime();
            List<String> files = List.of(a).subList(3, a.length);
            List<Tuple2<String, String>> out = a[0].equals("wordcount") ? wordcount(sc, files) : index(sc, files);
            write(Path.of(a[2]), out);
            System.out.printf("seconds %.4f%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    private static List<Tuple2<String, String>> wordcount(JavaSparkContext sc, List<String> files) {
        return sc.textFile(String.join(",", files)).flatMap(SparkPeer::words)
                .mapToPair(w -> new Tuple2<>(w, 1L)).reduceByKey(Long::sum)
                .mapToPair(t -> new Tuple2<>(t._1, Long.toString(t._2))).sortByKey().collect();
    }

    private static List<Tuple2<String, String>> index(JavaSparkContext sc, List<String> files) {
        JavaPairRDD<String, String> all = null;
        for (String f : files) {
            JavaPairRDD<String, String> places = sc.textFile(f).zipWithIndex().flatMapToPair(t -> {
                String place = f + ":" + (t._2 + 1);
                List<Tuple2<String, String>> pairs = new ArrayList<>();
                words(t._1).forEachRemaining(w -> pairs.add(new Tuple2<>(w, place)));
                return pairs.iterator();
            });
            all = all == null ? places : all.union(places);
        }
        return all.groupByKey().mapToPair(t -> new Tuple2<>(t._1, sorted(t._2))).sortByKey().collect();
    }

    private static String sorted(Iterable<String> places) {
        TreeSet<String[]> s = new TreeSet<>((x, y) -> {
            int byFile = x[0].compareTo(y[0]);
            return byFile != 0 ? byFile : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
        });
        for (String p : places) {
            int colon = p.lastIndexOf(':');
            s.add(new String[] {p.substring(0, colon), p.substring(colon + 1)});
        }
        StringBuilder b = new StringBuilder();
        for (String[] p : s) {
            b.append(b.length() == 0 ? "" : ",").append(p[0]).append(':').append(p[1]);
        }
        return b.toString();
    }

    static Iterator<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(Character.toLowerCase(cp));
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out.iterator();
    }

    private static void write(Path out, List<Tuple2<String, String>> lines) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Tuple2<String, String> t : lines) {
                w.write(t._1);
                w.write('\t');
                w.write(t._2);
                w.write('\n');
            }
        }
    }
}
