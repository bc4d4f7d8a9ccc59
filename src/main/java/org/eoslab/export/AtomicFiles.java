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

    /** Moves a staged file into place. */
    @FunctionalInterface
    public interface Commit {
        void run() throws IOException;
    }

    /** Something that writes to a file path. */
    @FunctionalInterface
    public interface PathBody {
        void write(Path file) throws IOException;
    }

    /**
     * While a set of files is written together ({@link #together}), each finished temporary file waits here for the
     * set's commit (target → temporary file); null otherwise.
     */
    private static volatile java.util.Map<Path, Path> deferred;

    /**
     * A command's output folder (declared by {@link #requireWritableDirectory}) → whether it exists yet for this
     * command: once it has, a folder that disappears mid-command is not made again, empty, but refused with why.
     */
    private static final java.util.Map<Path, Boolean> OUTPUT_FOLDERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Temporary files not yet committed or deleted: removed by a shutdown hook if the JVM is stopped. */
    private static final java.util.Set<Path> PENDING = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Leftovers of a killed run older than this are removed when a command next writes to their folder. */
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(10);

    /**
     * Held (shared) while a set of files is written together. Shutdown hooks run at the same time, so the cleanup
     * waits for a write in progress (a stopped sweep's partial files, written by a hook of their own) instead of
     * deleting its staged files under it.
     */
    private static final java.util.concurrent.locks.ReentrantReadWriteLock WRITING = new java.util.concurrent.locks.ReentrantReadWriteLock();
    /** How long the cleanup waits for a write in progress. */
    private static final long CLEANUP_WAIT_SECONDS = 20;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::cleanUp, "eoslab-temp-cleanup"));
    }

    /** Deletes the temporary files still pending, once the writes in progress are done (or after a wait). */
    private static void cleanUp() {
        boolean locked = false;
        try {
            locked = WRITING.writeLock().tryLock(CLEANUP_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            PENDING.forEach(AtomicFiles::deleteQuietly);
        } finally {
            if (locked) WRITING.writeLock().unlock();
        }
    }

    /**
     * Proves that {@code dir} is (or can become) a folder files can be created in, without creating it: a command
     * refused later leaves no empty folder. Stale temporary files of an earlier killed run there are removed.
     */
    public static void requireWritableDirectory(Path dir, String field) {
        Path abs = dir.toAbsolutePath();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {                      // checked now, not after the work
                throw new ExportException(field + ": " + existing + " is a symbolic link that leads nowhere (its target is"
                        + " missing, or the links form a loop)");
            }
            existing = existing.getParent();
        }
        if (existing == null) throw new ExportException(field + ": cannot create folder " + dir + " (no existing parent)");
        if (!Files.isDirectory(existing)) {
            throw new ExportException(field + ": " + (existing.equals(abs) ? dir + " exists and is not a folder"
                    : "cannot create folder " + dir + ": " + existing + " is a file"));
        }
        try {
            Path probe = createTemp(existing, ".eoslab-probe");
            deleteQuietly(probe);
        } catch (AccessDeniedException e) {
            throw new ExportException(field + ": cannot write to " + (existing.equals(abs) ? "folder " + dir
                    : "folder " + existing + " to create " + dir) + " (permission denied)");
        } catch (IOException | SecurityException e) {
            throw new ExportException(field + ": cannot write to " + (existing.equals(abs) ? "folder " + dir
                    : "folder " + existing + " to create " + dir) + ": " + reason(e));
        }
        if (existing.equals(abs)) removeStale(abs);
        OUTPUT_FOLDERS.put(abs.normalize(), existing.equals(abs));
    }

    /** Why the file system refused, without repeating the path. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        if (e instanceof java.nio.file.NoSuchFileException) return "the file system there refuses to create files";
        if (e instanceof java.nio.file.ReadOnlyFileSystemException) return "read-only file system";
        return e.getClass().getSimpleName();
    }

    /**
     * Removes this app's temporary files in {@code dir} that a killed run left: at once when the process that made
     * one (named in it) is gone, else once it is untouched for {@link #STALE} (a name without a process).
     */
    static void removeStale(Path dir) {
        java.time.Instant cutoff = java.time.Instant.now().minus(STALE);
        try (var files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().matches("\\..+\\.[0-9-]+\\.tmp"))
                    .filter(f -> ownerGone(f) || untouchedSince(f, cutoff))
                    .forEach(AtomicFiles::deleteQuietly);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** The process named in a temporary file's name ({@code prefix.<pid>-<random>.tmp}) is no longer running. */
    private static boolean ownerGone(Path f) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.([0-9]+)-[0-9]+\\.tmp$").matcher(f.getFileName().toString());
        return m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).map(h -> !h.isAlive()).orElse(true);
    }

    private static boolean untouchedSince(Path f, java.time.Instant cutoff) {
        try {
            return Files.getLastModifiedTime(f).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A new empty temporary file in {@code dir}, named {@code prefix.<pid>-<random>.tmp}, created with the default
     * permissions (the umask applies, as for any other tool; Files.createTempFile would make it 0600), and
     * registered for removal at JVM exit until it is committed or deleted.
     */
    static Path createTemp(Path dir, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + "." + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.createFile(p);
                PENDING.add(p);
                return p;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) throw e;
            }
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

    /** {@code value} as JSON, committed right after {@code companion} once the JSON is fully written. */
    public static void writeJsonWith(Path target, Object value, Commit companion) {
        Path tmp = null;
        try {
            String json = Presets.json().writeValueAsString(value) + "\n";
            if (Files.isDirectory(target)) throw new IOException(target + " is a folder");   // its move would fail
            tmp = stage(target);                                                              // after the companion's
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            companion.run();
            commit(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw new ExportException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /**
     * Several text files that belong together (e.g. bifurcation.csv and periods.csv): all are written to
     * temporary files first, then moved into place one right after the other; if any write fails, none moves.
     */
    public static void writeTextTogether(java.util.Map<Path, Body> files) {
        java.util.Map<Path, Path> staged = new java.util.LinkedHashMap<>();
        Path current = null;
        WRITING.readLock().lock();
        try {
            for (var f : files.entrySet()) {
                current = f.getKey();
                if (Files.isDirectory(current)) throw new IOException(current + " is a folder");
                Path tmp = stage(current);
                staged.put(current, tmp);
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    f.getValue().write(w);
                }
            }
            for (var s : staged.entrySet()) {
                current = s.getKey();
                commit(s.getValue(), s.getKey());
            }
        } catch (IOException | RuntimeException e) {
            staged.values().forEach(AtomicFiles::deleteQuietly);
            throw new ExportException("cannot write " + current + ": " + describe(e), e);
        } finally {
            WRITING.readLock().unlock();
        }
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
            tmp = stage(target);
            body.write(tmp);
            commit(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw new ExportException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /** A temporary sibling of {@code target} (its folder created if needed), to be committed over it. */
    public static Path stage(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path key = dir.normalize();
        if (Boolean.TRUE.equals(OUTPUT_FOLDERS.get(key)) && !Files.isDirectory(dir)) {
            throw new IOException("the folder " + dir + " was removed while EOS Lab was writing into it; nothing more is"
                    + " written there");
        }
        Files.createDirectories(dir);
        OUTPUT_FOLDERS.computeIfPresent(key, (k, v) -> true);
        return createTemp(dir, "." + target.getFileName());
    }

    /** A piece of work that writes files and returns a value. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException, InterruptedException;
    }

    /**
     * Runs {@code work}, whose files (on any thread) are all moved into place only when it has finished: a failure,
     * a full disk or a stop (SIGTERM, whose hook removes the temporary files) leaves none of the set, not part of
     * it. One set at a time per process (the headless commands).
     */
    public static <T> T together(Work<T> work) throws IOException, InterruptedException {
        java.util.Map<Path, Path> set = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        deferred = set;
        boolean done = false;
        try {
            T result = work.run();
            deferred = null;
            synchronized (set) {
                for (Path target : set.keySet()) if (Files.isDirectory(target)) throw new IOException(target + " is a folder");
                for (var e : set.entrySet()) move(e.getValue(), e.getKey());
            }
            done = true;
            return result;
        } finally {
            deferred = null;
            if (!done) set.values().forEach(AtomicFiles::deleteQuietly);
        }
    }

    /**
     * Moves a finished temporary file over {@code target}, atomically where the file system allows; inside
     * {@link #together}, when the whole set is finished.
     */
    public static void commit(Path tmp, Path target) throws IOException {
        java.util.Map<Path, Path> set = deferred;
        if (set != null) {
            Path earlier = set.put(target, tmp);
            if (earlier != null && !earlier.equals(tmp)) deleteQuietly(earlier);
            return;
        }
        move(tmp, target);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        PENDING.remove(tmp);
    }

    public static void deleteQuietly(Path p) {
        if (p == null) return;
        PENDING.remove(p);
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
