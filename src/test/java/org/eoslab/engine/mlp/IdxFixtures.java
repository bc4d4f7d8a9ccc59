package org.eoslab.engine.mlp;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small IDX files made in tests: images with a deterministic pixel pattern, labels cycling 0..9. */
public final class IdxFixtures {
    private IdxFixtures() {}

    /** An IDX3 header announcing {@code count} rows×cols images, followed by {@code actual} of them. */
    public static byte[] images(int magic, int count, int rows, int cols, int actual) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int j = 0; j < actual; j++) for (int p = 0; p < rows * cols; p++) out.writeByte((j * 31 + p * 7) % 256);
        return bytes.toByteArray();
    }

    /** An IDX1 header announcing {@code count} labels, followed by {@code actual} of them. */
    public static byte[] labels(int magic, int count, int actual) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        for (int j = 0; j < actual; j++) out.writeByte(j % 10);
        return bytes.toByteArray();
    }

    public static Path write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }
}
