package dev.segue.dsp.io;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Ogg side of the Vorbis and Opus decoders, by JOrbis' jogg: pages read from the file in chunks, the
 * first page's logical stream followed (pages of other streams skipped), packets handed out one at a
 * time, and the end-of-stream page's granule position kept for trimming.
 */
final class OggPackets implements AutoCloseable {
    private static final int CHUNK = 8192;
    private final InputStream in;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    final Packet packet = new Packet();
    private final int serial;
    private long endGranule = -1;

    /** Opens the file and takes in its first page; "not an Ogg stream" when it has none. */
    OggPackets(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        sync.init();
        if (!readPage()) {
            close();
            throw new AudioFormatException(file, "not an Ogg stream");
        }
        serial = page.serialno();
        stream.init(serial);
        stream.pagein(page);
    }

    /** 1: a packet is in {@link #packet}; 0: the pages taken in so far hold no more ({@link #nextPage} first); −1: a hole in the data. */
    int packetout() { return stream.packetout(packet); }

    /**
     * Takes in the next page of the followed stream (skipping others); false at the end of the file.
     * An end-of-stream page with a granule position sets {@link #endGranule}.
     */
    boolean nextPage() throws IOException {
        while (true) {
            if (!readPage()) return false;
            if (page.serialno() != serial) continue;
            stream.pagein(page);
            if (page.eos() != 0 && page.granulepos() >= 0) endGranule = page.granulepos();
            return true;
        }
    }

    /** The end-of-stream page's granule position, or −1 before it is read. */
    long endGranule() { return endGranule; }

    private boolean readPage() throws IOException {
        while (true) {
            if (sync.pageout(page) == 1) return true;
            int off = sync.buffer(CHUNK);
            int n = in.read(sync.data, off, CHUNK);
            if (n <= 0) return false;
            sync.wrote(n);
        }
    }

    @Override public void close() {
        try { in.close(); } catch (IOException ignored) { }
    }
}
