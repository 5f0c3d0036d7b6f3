package org.mpjhpc.fv;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mpjhpc.output.AtomicWrite;

/** A legacy binary VTK file of the cell fields (density, pressure, velocity), for ParaView. */
final class Vtk {
    private Vtk() {
    }

    static void write(FvConfig c, double[][] f, Path file) {
        int n = c.nx() * c.ny();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 5 * n + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, "# vtk DataFile Version 3.0\nmpj-hpc finite volume " + FvConfig.key(c.problem()) + "\nBINARY\n"
                    + "DATASET STRUCTURED_POINTS\nDIMENSIONS " + (c.nx() + 1) + " " + (c.ny() + 1) + " 1\n"
                    + "ORIGIN 0 0 0\nSPACING " + c.dx() + " " + c.dy() + " 1\nCELL_DATA " + n + "\n");
            text(out, "SCALARS density double 1\nLOOKUP_TABLE default\n");
            for (int k = 0; k < n; k++) {
                out.writeDouble(f[0][k]);
            }
            text(out, "\nSCALARS pressure double 1\nLOOKUP_TABLE default\n");
            for (int k = 0; k < n; k++) {
                out.writeDouble(Eos.pressure(c.gamma(), f[0][k], f[1][k], f[2][k], f[3][k]));
            }
            text(out, "\nVECTORS velocity double\n");
            for (int k = 0; k < n; k++) {
                out.writeDouble(f[1][k] / f[0][k]);
                out.writeDouble(f[2][k] / f[0][k]);
                out.writeDouble(0.0);
            }
            text(out, "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicWrite.bytes(file, bytes.toByteArray());
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }
}
