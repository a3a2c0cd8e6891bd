package dev.segue.core.io;

import dev.segue.core.DType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face safetensors: {@code u64 N | N bytes JSON header | data}. The header maps each tensor name
 * to {@code {dtype, shape, data_offsets:[begin,end]}} (offsets relative to the data section) plus an
 * optional {@code __metadata__} map of strings. Tensors are memory-mapped on read.
 */
public final class SafeTensors {
    private SafeTensors() {}

    /** A parsed file: tensors in header order, and the string metadata. */
    public record Contents(Map<String, RawArray> tensors, Map<String, String> metadata) {
        public RawArray get(String name) {
            RawArray a = tensors.get(name);
            if (a == null) throw new IllegalArgumentException("no tensor '" + name + "' (have " + tensors.keySet() + ")");
            return a;
        }
        public boolean has(String name) { return tensors.containsKey(name); }
    }

    public static Contents read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) throw bad(file, "file of " + size + " bytes is too short for a header length");
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long n = lenBuf.getLong(0);
            if (n <= 0 || n > size - 8 || n > 100_000_000) throw bad(file, "header length " + n + " does not fit the file size " + size);
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            readFully(ch, hb, 8);
            Map<String, Object> header;
            try {
                header = Json.parseObject(new String(hb.array(), StandardCharsets.UTF_8).trim());
            } catch (IllegalArgumentException e) {
                throw bad(file, "bad header: " + e.getMessage());
            }
            long dataStart = 8 + n;
            Map<String, RawArray> tensors = new LinkedHashMap<>();
            Map<String, String> meta = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : header.entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    if (e.getValue() instanceof Map) for (Map.Entry<?, ?> m : ((Map<?, ?>) e.getValue()).entrySet())
                        meta.put(String.valueOf(m.getKey()), String.valueOf(m.getValue()));
                    continue;
                }
                if (!(e.getValue() instanceof Map)) throw bad(file, "entry '" + e.getKey() + "' is not an object");
                Map<?, ?> t = (Map<?, ?>) e.getValue();
                DType dt;
                try {
                    dt = DType.fromSafetensors(String.valueOf(t.get("dtype")));
                } catch (IllegalArgumentException ex) {
                    throw bad(file, "tensor '" + e.getKey() + "': " + ex.getMessage());
                }
                List<?> shapeList = (List<?>) t.get("shape");
                List<?> offs = (List<?>) t.get("data_offsets");
                if (shapeList == null || offs == null || offs.size() != 2) throw bad(file, "tensor '" + e.getKey() + "' lacks shape or data_offsets");
                int[] shape = new int[shapeList.size()];
                for (int k = 0; k < shape.length; k++) shape[k] = Math.toIntExact(((Number) shapeList.get(k)).longValue());
                long begin = ((Number) offs.get(0)).longValue(), end = ((Number) offs.get(1)).longValue();
                long expect = RawArray.numel(shape) * dt.bytes;
                if (end - begin != expect || begin < 0 || dataStart + end > size)
                    throw bad(file, "tensor '" + e.getKey() + "' " + dt + java.util.Arrays.toString(shape)
                            + " has offsets [" + begin + ", " + end + "] (expected " + expect + " bytes within the file)");
                ByteBuffer data = expect == 0 ? ByteBuffer.allocate(0)
                        : ch.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, expect);
                tensors.put(e.getKey(), new RawArray(dt, shape, data));
            }
            return new Contents(Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(meta));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safetensors file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) throw new IOException("unexpected end of file");
        }
    }

    private static IllegalArgumentException bad(Path file, String what) {
        return new IllegalArgumentException("safetensors file " + file + ": " + what);
    }

    /** Writes tensors (in map order) and metadata atomically. */
    public static void write(Path file, Map<String, RawArray> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) header.put("__metadata__", new LinkedHashMap<>(metadata));
        long off = 0;
        List<RawArray> order = new ArrayList<>();
        for (Map.Entry<String, RawArray> e : tensors.entrySet()) {
            RawArray a = e.getValue();
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("dtype", a.dtype().safetensorsName);
            List<Object> shape = new ArrayList<>();
            for (int d : a.shape()) shape.add((long) d);
            t.put("shape", shape);
            long len = a.data().remaining();
            t.put("data_offsets", List.of(off, off + len));
            off += len;
            header.put(e.getKey(), t);
            order.add(a);
        }
        byte[] hb = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (hb.length + 7) / 8 * 8;
        byte[] h = new byte[padded];
        java.util.Arrays.fill(h, (byte) ' ');
        System.arraycopy(hb, 0, h, 0, hb.length);
        AtomicFiles.write(file, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, padded);
            out.write(len.array());
            out.write(h);
            byte[] chunk = new byte[1 << 16];
            for (RawArray a : order) {
                ByteBuffer d = a.data().duplicate();
                while (d.hasRemaining()) {
                    int k = Math.min(chunk.length, d.remaining());
                    d.get(chunk, 0, k);
                    out.write(chunk, 0, k);
                }
            }
        });
    }
}
