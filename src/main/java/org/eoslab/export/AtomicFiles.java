package org.eoslab.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eoslab.config.Presets;

/**
 * Writes that never leave a half-written file: content goes to a temporary file in the same folder,
 * which then replaces the destination in one move.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Something that writes text. */
    @FunctionalInterface
    public interface Body {
        void write(Writer out) throws IOException;
    }

    /** Something that writes to a file path. */
    @FunctionalInterface
    public interface PathBody {
        void write(Path file) throws IOException;
    }

    /** Creates {@code dir} if needed and proves that files can be created in it. */
    public static void requireWritableDirectory(Path dir, String field) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".eoslab-probe", ".tmp");
            Files.delete(probe);
        } catch (FileAlreadyExistsException e) {
            throw new ExportException(field + ": " + dir + " exists and is not a folder");
        } catch (AccessDeniedException e) {
            throw new ExportException(field + ": cannot write to folder " + dir + " (permission denied)");
        } catch (IOException | SecurityException e) {
            throw new ExportException(field + ": cannot write to folder " + dir + " (" + e.getMessage() + ")");
        }
    }

    /** {@code value} as indented JSON (the presets' mapper), one trailing newline. */
    public static void writeJson(Path target, Object value) {
        String json;
        try {
            json = Presets.json().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new ExportException("cannot write " + target + ": " + e.getOriginalMessage(), e);
        }
        writeText(target, w -> w.write(json));
    }

    public static void writeText(Path target, Body body) {
        write(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
        });
    }

    /** Runs {@code body} on a temporary sibling of {@code target}, then moves it into place. */
    public static void write(Path target, PathBody body) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            body.write(tmp);
            commit(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw new ExportException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /** Moves a finished temporary file over {@code target}, atomically where the file system allows. */
    public static void commit(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover hidden .tmp file is harmless
        }
    }

    private static String describe(Exception e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
