package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    @Test
    void pngIsLosslessSoTheDecodedImageHasEveryPixelOfTheOriginal() throws Exception {
        int w = 37;
        int h = 23;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Rows of noise, of runs and of a gradient.
                int rgb = y % 3 == 0 ? random.nextInt(1 << 24) : y % 3 == 1 ? 0x00FF8040 : (x * 7 << 16) | (y * 11 << 8) | x;
                image.setRGB(x, y, rgb);
            }
        }

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));

        assertEquals(w, decoded.getWidth());
        assertEquals(h, decoded.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(image.getRGB(x, y), decoded.getRGB(x, y), "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void onlyRgbImagesAreAccepted() {
        BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(argb));
    }
}
