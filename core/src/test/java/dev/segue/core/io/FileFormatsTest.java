package dev.segue.core.io;

import dev.segue.core.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FileFormatsTest {

    static Path resource(String name) throws Exception {
        return Path.of(FileFormatsTest.class.getResource(name).toURI());
    }

    @Test
    void readsAPyTorchFixture() throws Exception {
        SafeTensors.Contents c = SafeTensors.read(resource("/fixtures/nn/matmul_2d.safetensors"));
        assertEquals(List.of("a", "b", "grad_out", "out", "grad_a", "grad_b"), List.copyOf(c.tensors().keySet()));
        assertEquals(DType.F32, c.get("a").dtype());
        assertArrayEquals(new int[]{5, 7}, c.get("a").shape());
        assertEquals(DType.F64, c.get("out").dtype());
        // out = a @ b, recomputed from the stored float32 inputs in double
        float[] a = c.get("a").toFloats(), b = c.get("b").toFloats();
        double[] out = c.get("out").toDoubles();
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 7; k++) s += (double) a[i * 7 + k] * b[k * 3 + j];
                assertEquals(out[i * 3 + j], s, 1e-12 * Math.max(1, Math.abs(s)));
            }
        Map<String, Object> meta = Json.parseObject(c.metadata().get("case"));
        assertEquals("matmul", meta.get("op"));
    }

    @Test
    void safetensorsRoundTripKeepsOrderDtypesAndMetadata(@TempDir Path dir) {
        Map<String, RawArray> t = new LinkedHashMap<>();
        t.put("w", RawArray.ofFloats(new int[]{2, 3}, new float[]{1, 2, 3, 4, 5, Float.NaN}));
        t.put("idx", RawArray.ofLongs(new int[]{4}, new long[]{0, -1, Long.MAX_VALUE, 7}));
        t.put("scalar", RawArray.ofDoubles(new int[]{}, new double[]{Math.PI}));
        t.put("empty", RawArray.ofFloats(new int[]{0, 5}, new float[0]));
        Path f = dir.resolve("x.safetensors");
        SafeTensors.write(f, t, Map.of("step", "12"));
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(List.copyOf(t.keySet()), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(t.get("w").toFloats(), c.get("w").toFloats());
        assertArrayEquals(t.get("idx").toLongs(), c.get("idx").toLongs());
        assertEquals(Math.PI, c.get("scalar").toDoubles()[0]);
        assertEquals(0, c.get("empty").numel());
        assertEquals("12", c.metadata().get("step"));
        // the header length is a multiple of 8, as the format requires
        assertEquals(0, java.nio.ByteBuffer.wrap(readBytes(f), 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong() % 8);
    }

    @Test
    void truncatedSafetensorsIsAClearError(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(resource("/fixtures/nn/matmul_2d.safetensors"));
        Path f = dir.resolve("cut.safetensors");
        Files.write(f, java.util.Arrays.copyOf(whole, whole.length - 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("cut.safetensors"), e.getMessage());
    }

    @Test
    void readsNumpyFiles() throws Exception {
        RawArray a = Npy.read(resource("/npy/f32_3x4.npy"));
        assertArrayEquals(new int[]{3, 4}, a.shape());
        float[] v = a.toFloats();
        for (int i = 0; i < 12; i++) assertEquals((float) i / 7, v[i]);
        RawArray f = Npy.read(resource("/npy/f64_fortran_2x3.npy"));
        assertArrayEquals(new double[]{0, 1.5, 3, 4.5, 6, 7.5}, f.toDoubles());   // C order after conversion
        RawArray be = Npy.read(resource("/npy/i8_be_5.npy"));
        assertArrayEquals(new long[]{1, -2, 3, 1L << 40, -5}, be.toLongs());
        RawArray s = Npy.read(resource("/npy/f32_scalar.npy"));
        assertEquals(0, s.shape().length);
        assertEquals(2.5f, s.toFloats()[0]);
    }

    @Test
    void npyRoundTripIsByteIdenticalToNumpy(@TempDir Path dir) throws Exception {
        RawArray a = Npy.read(resource("/npy/f32_3x4.npy"));
        Path out = dir.resolve("copy.npy");
        Npy.write(out, a);
        assertArrayEquals(Files.readAllBytes(resource("/npy/f32_3x4.npy")), Files.readAllBytes(out));
        Npy.write(out, RawArray.ofInts(new int[]{5}, new int[]{1, 2, 3, 4, 5}));
        assertArrayEquals(new int[]{1, 2, 3, 4, 5}, Npy.read(out).toInts());
    }

    @Test
    void jsonParsesAndWrites() {
        Map<String, Object> m = Json.parseObject("{\"a\": [1, 2.5, -3e2, true, null], \"s\": \"x\\\"\\u00e9\\n\", \"n\": NaN}");
        assertEquals(java.util.Arrays.asList(1L, 2.5, -300.0, true, null), m.get("a"));
        assertEquals("x\"é\n", m.get("s"));
        assertTrue(Double.isNaN((Double) m.get("n")));
        assertEquals(m.toString(), Json.parseObject(Json.write(m)).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": [1, 2}"));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }

    @Test
    void halfPrecisionDecoding() {
        assertEquals(1.0f, Float.intBitsToFloat(RawArray.halfToFloatBits((short) 0x3c00)));
        assertEquals(-2.0f, Float.intBitsToFloat(RawArray.halfToFloatBits((short) 0xc000)));
        assertEquals(65504f, Float.intBitsToFloat(RawArray.halfToFloatBits((short) 0x7bff)));
        assertEquals((float) Math.pow(2, -24), Float.intBitsToFloat(RawArray.halfToFloatBits((short) 0x0001)));   // smallest subnormal
        assertEquals(Float.POSITIVE_INFINITY, Float.intBitsToFloat(RawArray.halfToFloatBits((short) 0x7c00)));
    }

    private static byte[] readBytes(Path p) {
        try { return Files.readAllBytes(p); } catch (Exception e) { throw new RuntimeException(e); }
    }

    @Test
    void atomicWritesLeaveAnOrdinaryReadableFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out.txt");
        AtomicFiles.writeString(f, "one");
        if (Files.getFileStore(f).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class))
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        try (var s = Files.list(dir)) { assertEquals(1, s.count(), "no temporary file left behind"); }
    }
}
