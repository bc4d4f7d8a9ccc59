package org.eoslab.config;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way EOS Lab opens a file the user named (a preset, a session, a target matrix, a data set): only a regular
 * file, through a stream that stops at a documented size. A folder, a device ({@code /dev/zero}), a named pipe or a
 * held-open {@code /dev/stdin} is refused by name before it is opened (opening a pipe would block, and a device's
 * size reads 0), and a file that grows past its limit while read is refused there. Every refusal is an
 * {@link InvalidParameterException} naming the field.
 */
public final class InputFiles {
    private InputFiles() {}

    /** The path a user typed, or a refusal naming the field (a NUL or another character no path may hold). */
    public static Path path(String field, String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new InvalidParameterException(field, Messages.quote(name) + " is not a valid path (" + e.getReason() + ")");
        }
    }

    /**
     * Opens {@code file} for reading at most {@code maxBytes}; reading further throws an {@link IOException} that
     * {@link #tooLarge} turns into the field's message.
     */
    public static InputStream open(String field, Path file, long maxBytes) {
        checkRegular(field, file, maxBytes);
        try {
            return new Capped(Files.newInputStream(file), maxBytes);
        } catch (NoSuchFileException e) {
            throw new InvalidParameterException(field, "file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new InvalidParameterException(field, "cannot read " + file + " (permission denied)");
        } catch (IOException e) {
            throw new InvalidParameterException(field, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The whole of {@code file}, at most {@code maxBytes}. */
    public static byte[] readAll(String field, Path file, long maxBytes) {
        try (InputStream in = open(field, file, maxBytes)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw refusal(field, file, maxBytes, e);
        }
    }

    /**
     * The whole of {@code file} as UTF-8 text (a byte-order mark is dropped); another encoding (UTF-16, Latin-1 with
     * accented letters) is refused with the encoding to save it in.
     */
    public static String text(String field, Path file, long maxBytes) {
        byte[] bytes = readAll(field, file, maxBytes);
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new InvalidParameterException(field, file + " is not UTF-8 text (it starts with a UTF-16 byte-order mark);"
                    + " save it as UTF-8");
        }
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidParameterException(field, file + " is not UTF-8 text (another encoding, or not text at all);"
                    + " save it as UTF-8");
        }
    }

    /** A read error of a stream from {@link #open}, as the field's message. */
    public static InvalidParameterException refusal(String field, Path file, long maxBytes, IOException e) {
        if (e instanceof TooLarge) return tooLarge(field, file, maxBytes);
        return new InvalidParameterException(field, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }

    private static void checkRegular(String field, Path file, long maxBytes) {
        if (Files.isDirectory(file)) throw new InvalidParameterException(field, file + " is a folder, not a file");
        if (!Files.exists(file)) throw new InvalidParameterException(field, "file " + file + " does not exist");
        if (!Files.isRegularFile(file)) {
            throw new InvalidParameterException(field, file + " is not a regular file (a device, pipe or socket cannot be read"
                    + " as one)");
        }
        try {
            if (Files.size(file) > maxBytes) throw tooLarge(field, file, maxBytes);
        } catch (IOException e) {
            throw new InvalidParameterException(field, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static InvalidParameterException tooLarge(String field, Path file, long maxBytes) {
        return new InvalidParameterException(field, file + " is larger than " + describe(maxBytes) + ", the most this field reads");
    }

    static String describe(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }

    /** Thrown by a capped stream when the file holds more than its limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Counts what is read and stops past the limit. */
    private static final class Capped extends FilterInputStream {
        private long left;

        Capped(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) throw new TooLarge();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (left -= n) < 0) throw new TooLarge();
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if ((left -= skipped) < 0) throw new TooLarge();
            return skipped;
        }
    }
}
