package org.eoslab.engine.mlp;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.ShippedData;

/**
 * Reads MNIST-format IDX files (raw or gzip): images (magic 2051: count, rows, cols, then bytes) and labels
 * (magic 2049: count, then bytes). Every problem is an {@link InvalidParameterException} for field "data"
 * naming the file and what is wrong: missing, not IDX, wrong kind, truncated, labels not matching or outside
 * 0-9, more pixels than {@link #MAX_VALUES}. Sizes from a header are checked before anything is allocated.
 */
public final class IdxReader {
    static final int IMAGES = 2051;
    static final int LABELS = 2049;
    /** Pixels loaded at most: 60 000 images of 28×28 and a little more (each becomes a double). */
    public static final long MAX_VALUES = 50_000_000L;

    private IdxReader() {}

    /** The labels file next to an images file: "…images-idx3…" → "…labels-idx1…". */
    public static Path labelsFor(Path images) {
        String name = images.getFileName().toString();
        if (!name.contains("images-idx3")) {
            throw new InvalidParameterException("data", images + ": expected an IDX images file named like *images-idx3-ubyte[.gz]");
        }
        return images.resolveSibling(name.replace("images-idx3", "labels-idx1"));
    }

    /** The first {@code limit} samples of an images/labels pair. */
    public static Dataset read(Path images, Path labels, int limit) {
        try (InputStream im = open(images); InputStream lb = open(labels)) {
            return read(im, lb, limit, images.toString(), labels.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidParameterException("data", e.getFile() + " does not exist");
        } catch (IOException e) {
            throw org.eoslab.config.InputFiles.refusal("data", images, MAX_FILE_BYTES, e);
        }
    }

    /** The first {@code limit} samples of a data set shipped in the jar. */
    public static Dataset readShipped(ShippedData set, int limit) {
        try (InputStream im = resource(set.imagesResource()); InputStream lb = resource(set.labelsResource())) {
            Dataset d = read(im, lb, limit, set.imagesResource(), set.labelsResource());
            return new Dataset(d.features(), d.samples(), d.classes(), d.x(), d.labels(), set.description());
        } catch (IOException e) {
            throw new InvalidParameterException("data", "cannot read the shipped " + set + " subset: " + e.getMessage());
        }
    }

    /** The first {@code limit} samples of the default shipped set (Fashion-MNIST). */
    public static Dataset readBundled(int limit) {
        return readShipped(ShippedData.FASHION_MNIST, limit);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = IdxReader.class.getResourceAsStream(name);
        if (in == null) throw new IOException(name + " is not in this build");
        return maybeGunzip(in);
    }

    /** An IDX file of the largest set (60 000 images of 28×28) is 47 MB; gzip only makes it smaller. */
    static final long MAX_FILE_BYTES = 256L << 20;

    private static InputStream open(Path file) throws IOException {
        return maybeGunzip(org.eoslab.config.InputFiles.open("data", file, MAX_FILE_BYTES));
    }

    /** Gzip is recognized by its magic bytes, not the file name. */
    private static InputStream maybeGunzip(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(raw, 1 << 16), 2);
        int a = in.read();
        int b = in.read();
        if (b >= 0) in.unread(b);
        if (a >= 0) in.unread(a);
        return a == 0x1f && b == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    static Dataset read(InputStream imageStream, InputStream labelStream, int limit, String imageName, String labelName) throws IOException {
        DataInputStream im = new DataInputStream(imageStream);
        DataInputStream lb = new DataInputStream(labelStream);
        int imageCount = header(im, IMAGES, imageName, "images");
        int rows = im.readInt();
        int cols = im.readInt();
        int labelCount = header(lb, LABELS, labelName, "labels");
        if (rows <= 0 || cols <= 0 || rows > 4096 || cols > 4096) {
            throw new InvalidParameterException("data", imageName + ": image size " + rows + "×" + cols + " is not plausible");
        }
        if (labelCount != imageCount) {
            throw new InvalidParameterException("data", labelName + " has " + labelCount + " labels but " + imageName + " has " + imageCount + " images");
        }
        if (limit < 1 || limit > imageCount) {
            throw new InvalidParameterException("samples", limit + " is outside the allowed range [1, " + imageCount + "] for " + imageName);
        }
        long values = (long) rows * cols * limit;
        if (values > MAX_VALUES) {
            throw new InvalidParameterException("samples", limit + " images of " + rows + "×" + cols + " are " + values
                    + " pixels, more than the " + MAX_VALUES + " this app loads (" + MAX_VALUES * 8 / (1 << 20) + " MiB)");
        }
        int features = rows * cols;
        byte[] pixels = readPixels(im, features, limit, imageName, labelName, imageCount);
        int[] labels = new int[limit];
        for (int j = 0; j < limit; j++) {
            try {
                labels[j] = lb.readUnsignedByte();
            } catch (EOFException e) {
                throw new InvalidParameterException("data", labelName + " is truncated: it ends after " + j + " of the "
                        + labelCount + " labels its header announces");
            }
            if (labels[j] > 9) {
                throw new InvalidParameterException("data", labelName + ": label " + labels[j] + " of sample " + j
                        + " is outside 0-9 (MNIST-format class labels)");
            }
        }
        double[] x = new double[features * limit];           // only now: every byte is there
        for (int j = 0; j < limit; j++) {
            for (int f = 0; f < features; f++) x[f * limit + j] = (pixels[j * features + f] & 0xff) / 255.0;
        }
        return new Dataset(features, limit, 10, x, labels, imageName);
    }

    /**
     * The first {@code limit} images' bytes, read into a buffer that grows with what actually arrives, so a header
     * announcing more than the file holds costs no more memory than the file.
     */
    private static byte[] readPixels(DataInputStream im, int features, int limit, String imageName, String labelName,
                                     int imageCount) throws IOException {
        int total = features * limit;
        byte[] buffer = new byte[Math.min(total, 1 << 20)];
        int filled = 0;
        while (filled < total) {
            if (filled == buffer.length) buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(total, 2L * buffer.length));
            int n = im.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new InvalidParameterException("data", imageName + " is truncated: it ends after " + filled / features
                        + " of the " + imageCount + " images its header announces");
            }
            filled += n;
        }
        return buffer;
    }

    private static int header(DataInputStream in, int magic, String name, String kind) throws IOException {
        int m;
        int count;
        try {
            m = in.readInt();
            count = in.readInt();
        } catch (EOFException e) {
            throw new InvalidParameterException("data", name + " is too short to be an IDX file");
        }
        if (m != magic) {
            throw new InvalidParameterException("data", name + " is not an IDX " + kind + " file (its first bytes are not"
                    + " the IDX " + kind + " header; expected " + (kind.equals("images") ? "an images file such as"
                    + " train-images-idx3-ubyte" : "a labels file such as train-labels-idx1-ubyte") + ")");
        }
        if (count <= 0) throw new InvalidParameterException("data", name + ": announces " + count + " " + kind);
        return count;
    }
}
