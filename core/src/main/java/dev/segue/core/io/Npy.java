package dev.segue.core.io;

import dev.segue.core.DType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0): little- or big-endian numeric dtypes,
 * C or Fortran order. Arrays come back as little-endian, C-order {@link RawArray}s; writing uses
 * version 1.0 (2.0 when the header is too long) in C order, atomically.
 */
public final class Npy {
    private Npy() {}

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z]\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public static RawArray read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read npy file " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 10) throw bad(file, "too short for an npy header");
        for (int k = 0; k < 6; k++) if (all[k] != MAGIC[k]) throw bad(file, "not an npy file (bad magic)");
        int major = all[6];
        int headerLen, headerStart;
        if (major == 1) { headerLen = b.getShort(8) & 0xffff; headerStart = 10; }
        else if (major == 2 || major == 3) { headerLen = b.getInt(8); headerStart = 12; }
        else throw bad(file, "unsupported npy version " + major);
        if (headerStart + (long) headerLen > all.length) throw bad(file, "header runs past the end of the file");
        String header = new String(all, headerStart, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher md = DESCR.matcher(header), mf = FORTRAN.matcher(header), ms = SHAPE.matcher(header);
        if (!md.find() || !mf.find() || !ms.find()) throw bad(file, "cannot parse header " + header.trim());
        DType dt;
        try {
            dt = DType.fromNumpy(md.group(2));
        } catch (IllegalArgumentException e) {
            throw bad(file, e.getMessage());
        }
        boolean bigEndian = md.group(1).equals(">");
        boolean fortran = mf.group(1).equals("True");
        String[] parts = ms.group(1).split(",");
        int rank = 0;
        for (String p : parts) if (!p.isBlank()) rank++;
        int[] shape = new int[rank];
        int r = 0;
        for (String p : parts) if (!p.isBlank()) shape[r++] = Integer.parseInt(p.trim().replace("L", ""));
        long n = RawArray.numel(shape);
        int dataStart = headerStart + headerLen;
        long bytes = n * dt.bytes;
        if (all.length - dataStart < bytes)
            throw bad(file, "data section holds " + (all.length - dataStart) + " bytes, shape " + java.util.Arrays.toString(shape) + " of " + dt + " needs " + bytes);
        byte[] data = java.util.Arrays.copyOfRange(all, dataStart, dataStart + (int) bytes);
        if (bigEndian && dt.bytes > 1) swapBytes(data, dt.bytes);
        if (fortran && rank > 1) data = fortranToC(data, shape, dt.bytes);
        return new RawArray(dt, shape, ByteBuffer.wrap(data));
    }

    private static void swapBytes(byte[] d, int w) {
        for (int i = 0; i < d.length; i += w)
            for (int a = 0, z = w - 1; a < z; a++, z--) { byte t = d[i + a]; d[i + a] = d[i + z]; d[i + z] = t; }
    }

    /** Fortran order: the first index varies fastest. */
    private static byte[] fortranToC(byte[] src, int[] shape, int w) {
        int n = src.length / w, rank = shape.length;
        byte[] dst = new byte[src.length];
        int[] idx = new int[rank];
        for (int c = 0; c < n; c++) {
            int f = 0, stride = 1;
            for (int d = 0; d < rank; d++) { f += idx[d] * stride; stride *= shape[d]; }
            System.arraycopy(src, f * w, dst, c * w, w);
            for (int d = rank - 1; d >= 0; d--) { if (++idx[d] < shape[d]) break; idx[d] = 0; }
        }
        return dst;
    }

    private static IllegalArgumentException bad(Path file, String what) {
        return new IllegalArgumentException("npy file " + file + ": " + what);
    }

    public static void write(Path file, RawArray a) {
        if (a.dtype().numpyCode == null) throw new IllegalArgumentException("npy cannot store " + a.dtype());
        int[] s = a.shape();
        StringBuilder shape = new StringBuilder("(");
        for (int k = 0; k < s.length; k++) shape.append(k == 0 ? "" : ", ").append(s[k]);
        shape.append(s.length == 1 ? ",)" : ")");   // numpy's tuple repr: (5,) but (5, 3) and ()
        String descr = (a.dtype().bytes == 1 ? "|" : "<") + a.dtype().numpyCode;
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pre = 10;
        int total = pre + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        boolean v2 = padded - pre > 65535;
        if (v2) { pre = 12; total = pre + dict.length() + 1; padded = (total + 63) / 64 * 64; }
        StringBuilder h = new StringBuilder(dict);
        while (pre + h.length() + 1 < padded) h.append(' ');
        h.append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        final int preLen = pre;
        final boolean version2 = v2;
        AtomicFiles.write(file, out -> {
            out.write(MAGIC);
            out.write(version2 ? 2 : 1);
            out.write(0);
            ByteBuffer len = ByteBuffer.allocate(preLen - 8).order(ByteOrder.LITTLE_ENDIAN);
            if (version2) len.putInt(hb.length); else len.putShort((short) hb.length);
            out.write(len.array());
            out.write(hb);
            ByteBuffer d = a.data().duplicate();
            byte[] chunk = new byte[1 << 16];
            while (d.hasRemaining()) {
                int k = Math.min(chunk.length, d.remaining());
                d.get(chunk, 0, k);
                out.write(chunk, 0, k);
            }
        });
    }
}
