package org.eoslab.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.containers.mp4.MP4Util;
import org.jcodec.containers.mp4.boxes.MovieBox;
import org.jcodec.containers.mp4.boxes.TimeToSampleBox;
import org.jcodec.containers.mp4.boxes.TrakBox;

/** Animated files decoded back, independently of how they were written (tests). */
public final class AnimationFiles {
    private AnimationFiles() {}

    /** A GIF as the JDK's reader sees it: frames, size, per-frame delays (1/100 s), whether it loops. */
    public record Gif(List<BufferedImage> frames, int width, int height, List<Integer> delays, boolean loops) {}

    /** An MP4's video track: frame count, coded size, frames per second from its sample table, decoded frames. */
    public record Mp4(int frameCount, int width, int height, double framesPerSecond, List<BufferedImage> frames) {}

    public static Gif readGif(Path file) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                frames.add(reader.read(i));
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(gce.getAttribute("delayTime")));
            }
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = (IIOMetadataNode) stream.getElementsByTagName("LogicalScreenDescriptor").item(0);
            boolean loops = false;
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            var apps = first.getElementsByTagName("ApplicationExtension");
            for (int i = 0; i < apps.getLength(); i++) {
                IIOMetadataNode app = (IIOMetadataNode) apps.item(i);
                if ("NETSCAPE".equals(app.getAttribute("applicationID"))) loops = true;
            }
            return new Gif(frames, Integer.parseInt(screen.getAttribute("logicalScreenWidth")),
                    Integer.parseInt(screen.getAttribute("logicalScreenHeight")), delays, loops);
        } finally {
            reader.dispose();
        }
    }

    public static Mp4 readMp4(Path file) throws Exception {
        MovieBox movie = MP4Util.parseMovie(file.toFile());
        TrakBox video = movie.getVideoTrack();
        int count = video.getFrameCount();
        long ticks = 0;
        long samples = 0;
        for (TimeToSampleBox.TimeToSampleEntry e : video.getStts().getEntries()) {
            ticks += e.getSegmentDuration();
            samples += e.getSampleCount();
        }
        double fps = samples * (double) video.getTimescale() / ticks;
        List<BufferedImage> frames = new ArrayList<>();
        try (SeekableByteChannel ch = NIOUtils.readableChannel(file.toFile())) {
            AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(ch);
            for (BufferedImage f; (f = grab.getFrame()) != null; ) frames.add(f);
        }
        var size = video.getCodedSize();
        return new Mp4(count, size.getWidth(), size.getHeight(), fps, frames);
    }
}
