package org.thermodiff.plugins.figures;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG encoder (ISO/IEC 15948) for the RGB images figures are drawn on: 8-bit truecolour,
 * rows unfiltered (for flat-coloured charts that compresses better than the predictive filters),
 * one fast deflate stream. It reads the pixels in place; {@code ImageIO}'s general writer copies
 * the raster and tries every filter on every row, which took several times longer.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngEncoder() {
    }

    /**
     * The image as PNG.
     *
     * @throws IllegalArgumentException if it is not {@link BufferedImage#TYPE_INT_RGB}
     */
    static byte[] encode(BufferedImage image) throws IOException {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected an RGB image, got type " + image.getType());
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();

        ByteArrayOutputStream idat = new ByteArrayOutputStream(w * h / 4);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 64 * 1024)) {
            byte[] row = new byte[1 + 3 * w];   // row[0] = 0: filter type None
            for (int y = 0; y < h; y++) {
                rgbRow(pixels, y * w, w, row);
                z.write(row);
            }
        } finally {
            deflater.end();
        }

        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
        DataOutputStream out = new DataOutputStream(png);
        out.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream hd = new DataOutputStream(header);
        hd.writeInt(w);
        hd.writeInt(h);
        hd.writeByte(8);   // bit depth
        hd.writeByte(2);   // colour type: truecolour
        hd.writeByte(0);   // compression: deflate
        hd.writeByte(0);   // filter method: adaptive
        hd.writeByte(0);   // no interlace
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** Writes the {@code w} pixels from {@code offset} as R, G, B bytes after {@code row[0]}. */
    private static void rgbRow(int[] pixels, int offset, int w, byte[] row) {
        for (int x = 0, i = 1; x < w; x++) {
            int rgb = pixels[offset + x];
            row[i++] = (byte) (rgb >>> 16);
            row[i++] = (byte) (rgb >>> 8);
            row[i++] = (byte) rgb;
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
