package org.mpjhpc.fv;

import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.output.AtomicWrite;

/** lineout_x.csv and lineout_y.csv: primitive values along the row and column through the centre. */
final class Lineouts {
    private Lineouts() {
    }

    static void write(FvConfig c, double[][] field, Path out) {
        StringBuilder x = new StringBuilder("x,rho,u,v,p\n");
        int j = c.ny() / 2;
        for (int i = 0; i < c.nx(); i++) {
            row(x, (i + 0.5) * c.dx(), c, field, j * c.nx() + i);
        }
        StringBuilder y = new StringBuilder("y,rho,u,v,p\n");
        int i = c.nx() / 2;
        for (int jj = 0; jj < c.ny(); jj++) {
            row(y, (jj + 0.5) * c.dy(), c, field, jj * c.nx() + i);
        }
        AtomicWrite.text(out.resolve("lineout_x.csv"), x.toString());
        AtomicWrite.text(out.resolve("lineout_y.csv"), y.toString());
    }

    private static void row(StringBuilder csv, double s, FvConfig c, double[][] f, int k) {
        double rho = f[0][k];
        double u = f[1][k] / rho;
        double v = f[2][k] / rho;
        double p = Eos.pressure(c.gamma(), rho, f[1][k], f[2][k], f[3][k]);
        csv.append(String.format(Locale.ROOT, "%.10g,%.10g,%.10g,%.10g,%.10g%n", s, rho, u, v, p));
    }
}
