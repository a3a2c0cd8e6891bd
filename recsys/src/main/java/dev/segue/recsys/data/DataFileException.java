package dev.segue.recsys.data;

import java.nio.file.Path;

/** A data file that cannot be read as its format says: names the file and, where known, the line. */
public final class DataFileException extends RuntimeException {
    private final transient Path file;
    private final long line;

    public DataFileException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }

    /** 1-based line number (the header is line 1), or 0 when the problem is the whole file. */
    public long line() { return line; }
}
