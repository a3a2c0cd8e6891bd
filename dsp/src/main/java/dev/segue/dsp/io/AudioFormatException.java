package dev.segue.dsp.io;

import java.nio.file.Path;

/** A file that is not audio we can decode, or is corrupt or truncated. The message always names the file. */
public final class AudioFormatException extends RuntimeException {
    public AudioFormatException(Path file, String what) { super(file + ": " + what); }
    public AudioFormatException(Path file, String what, Throwable cause) { super(file + ": " + what, cause); }
}
