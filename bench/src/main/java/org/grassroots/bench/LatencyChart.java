package org.grassroots.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grouped bar charts of latency (milliseconds) drawn with Java2D into one PNG: one panel per load or kind of
 * measurement, one group of bars per operation, one bar per series (e.g. direct p50, gateway p50, ...), each
 * panel on its own linear scale, values written on the bars.
 */
final class LatencyChart {

    record Bar(String series, double millis) {
    }

    record Group(String label, List<Bar> bars) {
    }

    record Panel(String title, List<Group> groups) {
    }

    private static final int WIDTH = 1500;
    private static final int PANEL_HEIGHT = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 95;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x9ecae1),
            new Color(0xfdd0a2), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)};

    private LatencyChart() {
    }

    static void write(String title, List<Panel> panels, Path png) throws IOException {
        int height = 50 + panels.size() * PANEL_HEIGHT;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(title, LEFT, 32);
        Map<String, Color> colours = new LinkedHashMap<>();
        for (int i = 0; i < panels.size(); i++) {
            panel(g, panels.get(i), 50 + i * PANEL_HEIGHT, colours);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(Graphics2D g, Panel panel, int top, Map<String, Color> colours) {
        int plotTop = top + TOP;
        int plotBottom = top + PANEL_HEIGHT - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;
        List<String> series = new ArrayList<>();
        double max = 0;
        for (Group group : panel.groups()) {
            for (Bar bar : group.bars()) {
                if (!series.contains(bar.series())) {
                    series.add(bar.series());
                }
                if (Double.isFinite(bar.millis())) {
                    max = Math.max(max, bar.millis());
                }
                colours.computeIfAbsent(bar.series(), s -> PALETTE[colours.size() % PALETTE.length]);
            }
        }
        double scale = niceCeiling(max);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(panel.title(), LEFT, top + 22);

        // Legend, right-aligned on the title's line.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics legendMetrics = g.getFontMetrics();
        int x = WIDTH - RIGHT;
        for (int i = series.size() - 1; i >= 0; i--) {
            String name = series.get(i);
            x -= legendMetrics.stringWidth(name) + 30;
            g.setColor(colours.get(name));
            g.fillRect(x, top + 10, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(name, x + 19, top + 22);
        }

        // Axes and grid.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        for (int tick = 0; tick <= 5; tick++) {
            double value = scale * tick / 5;
            int y = plotBottom - (int) Math.round((plotBottom - plotTop) * tick / 5.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.BLACK);
            String label = format(value);
            g.drawString(label, LEFT - 8 - metrics.stringWidth(label), y + 4);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT, plotTop, LEFT, plotBottom);
        g.drawLine(LEFT, plotBottom, LEFT + plotWidth, plotBottom);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        String axis = "latency, ms";
        g.drawString(axis, -(plotTop + plotBottom + metrics.stringWidth(axis)) / 2, 22);
        g.setTransform(saved);

        // Bars.
        int groups = panel.groups().size();
        double groupWidth = (double) plotWidth / Math.max(1, groups);
        double barWidth = Math.min(40, groupWidth * 0.8 / Math.max(1, series.size()));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        FontMetrics small = g.getFontMetrics();
        for (int i = 0; i < groups; i++) {
            Group group = panel.groups().get(i);
            double groupLeft = LEFT + i * groupWidth + (groupWidth - barWidth * series.size()) / 2;
            for (Bar bar : group.bars()) {
                int slot = series.indexOf(bar.series());
                int left = (int) Math.round(groupLeft + slot * barWidth);
                if (!Double.isFinite(bar.millis())) {
                    continue;
                }
                int barHeight = (int) Math.round((plotBottom - plotTop) * Math.min(1, bar.millis() / scale));
                g.setColor(colours.get(bar.series()));
                g.fillRect(left, plotBottom - barHeight, (int) Math.max(1, barWidth - 2), barHeight);
                g.setColor(Color.DARK_GRAY);
                String value = format(bar.millis());
                g.drawString(value, left + (int) (barWidth - 2 - small.stringWidth(value)) / 2,
                        plotBottom - barHeight - 3);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            List<String> lines = wrap(group.label(), metrics, (int) groupWidth - 6);
            for (int line = 0; line < lines.size() && line < 4; line++) {
                String text = lines.get(line);
                int center = (int) Math.round(LEFT + i * groupWidth + groupWidth / 2);
                g.drawString(text, center - metrics.stringWidth(text) / 2, plotBottom + 18 + line * 15);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        }
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= max * 1.08) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis)
                : millis >= 10 ? String.format(Locale.ROOT, "%.1f", millis)
                : String.format(Locale.ROOT, "%.2f", millis);
    }
}
