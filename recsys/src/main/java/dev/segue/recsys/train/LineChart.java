package dev.segue.recsys.train;

import dev.segue.core.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small line chart written as PNG with the JDK alone (Java2D + ImageIO, headless), for learning
 * curves: several named series over a shared x axis, axes with ticks, a legend.
 */
public final class LineChart {
    private final String title, xLabel, yLabel;
    private final Map<String, double[][]> series = new LinkedHashMap<>();

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a series of (x, y) points; non-finite y values are skipped. */
    public LineChart add(String name, double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length + " y values");
        series.put(name, new double[][]{x.clone(), y.clone()});
        return this;
    }

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    /** A tick label with at most 4 significant digits and no trailing zeros: 1.2, 0.0345, 12. */
    static String tick(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    public void writePng(java.nio.file.Path file, int width, int height) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int left = 70, right = 20, top = 40, bottom = 50;
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (double[][] s : series.values())
            for (int i = 0; i < s[0].length; i++) {
                if (!Double.isFinite(s[1][i])) continue;
                xmin = Math.min(xmin, s[0][i]); xmax = Math.max(xmax, s[0][i]);
                ymin = Math.min(ymin, s[1][i]); ymax = Math.max(ymax, s[1][i]);
            }
        if (!(xmin <= xmax)) { xmin = 0; xmax = 1; ymin = 0; ymax = 1; }
        if (xmax == xmin) { xmin -= 0.5; xmax += 0.5; }
        if (ymax == ymin) { ymin -= Math.max(1e-9, Math.abs(ymin) * 0.1); ymax += Math.max(1e-9, Math.abs(ymax) * 0.1); }
        double pad = (ymax - ymin) * 0.05;
        ymin -= pad; ymax += pad;
        int pw = width - left - right, ph = height - top - bottom;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0xdddddd));
        for (int t = 0; t <= 5; t++) {
            int y = top + ph - t * ph / 5;
            g.drawLine(left, y, left + pw, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        for (int t = 0; t <= 5; t++) {
            int y = top + ph - t * ph / 5;
            String lab = tick(ymin + (ymax - ymin) * t / 5);
            g.drawString(lab, left - 8 - g.getFontMetrics().stringWidth(lab), y + 4);
            int x = left + t * pw / 5;
            String xl = tick(xmin + (xmax - xmin) * t / 5);
            g.drawString(xl, x - g.getFontMetrics().stringWidth(xl) / 2, top + ph + 18);
        }
        g.drawString(xLabel, left + pw / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, height - 12);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(top + ph / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), 16);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int k = 0, legendY = top + 16;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            Color c = PALETTE[k++ % PALETTE.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(2f));
            double[] xs = e.getValue()[0], ys = e.getValue()[1];
            List<int[]> pts = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(ys[i])) continue;
                pts.add(new int[]{left + (int) Math.round((xs[i] - xmin) / (xmax - xmin) * pw), top + ph - (int) Math.round((ys[i] - ymin) / (ymax - ymin) * ph)});
            }
            for (int i = 1; i < pts.size(); i++) g.drawLine(pts.get(i - 1)[0], pts.get(i - 1)[1], pts.get(i)[0], pts.get(i)[1]);
            for (int[] p : pts) g.fillOval(p[0] - 3, p[1] - 3, 6, 6);
            g.drawLine(left + pw - 150, legendY - 4, left + pw - 130, legendY - 4);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), left + pw - 125, legendY);
            legendY += 16;
        }
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
    }
}
