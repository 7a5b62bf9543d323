package fr.atelier51.portfolio.ui;

import com.vaadin.flow.component.Svg;

import java.util.Map;

/** A small horizontal bar chart drawn as SVG on the server: labels, bars and counts, nothing to load in the browser. */
class BarChart extends Svg {

    private static final int ROW = 22;
    private static final int LABEL_WIDTH = 190;
    private static final int BAR_WIDTH = 160;

    BarChart(String title, Map<String, Long> counts) {
        long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int height = ROW * counts.size() + 8;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns='http://www.w3.org/2000/svg' role='img' width='").append(LABEL_WIDTH + BAR_WIDTH + 40)
                .append("' height='").append(height).append("'><title>").append(escape(title)).append("</title>");
        int y = 4;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            int w = (int) Math.round(BAR_WIDTH * (double) e.getValue() / max);
            svg.append("<text x='0' y='").append(y + 15).append("' font-size='13' fill='currentColor'>")
                    .append(escape(e.getKey())).append("</text>")
                    .append("<rect x='").append(LABEL_WIDTH).append("' y='").append(y + 3).append("' width='").append(Math.max(w, 1))
                    .append("' height='14' rx='3' fill='var(--lumo-primary-color, #1676f3)' opacity='0.8'/>")
                    .append("<text x='").append(LABEL_WIDTH + Math.max(w, 1) + 6).append("' y='").append(y + 15)
                    .append("' font-size='13' fill='currentColor'>").append(e.getValue()).append("</text>");
            y += ROW;
        }
        setSvg(svg.append("</svg>").toString());
        addClassName("bar-chart");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
