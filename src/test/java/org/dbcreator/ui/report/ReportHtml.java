package org.dbcreator.ui.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A support report's HTML read back as a browser would, for tests that check its facts. */
public final class ReportHtml {

    private final Document page;

    private ReportHtml(Document page) {
        this.page = page;
    }

    public static ReportHtml read(Path file) throws IOException {
        return new ReportHtml(Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    public Document page() {
        return page;
    }

    /** The cell beside the row heading {@code name} in the report's name/value tables ("Schema version"). */
    public String value(String name) {
        return page.select("tr").stream().filter(tr -> tr.children().size() == 2 && tr.child(0).is("th")
                && tr.child(0).text().equals(name)).map(tr -> tr.child(1).wholeText()).findFirst()
                .orElseThrow(() -> new AssertionError("the report has no row " + name));
    }

    /** The texts of column {@code column} of the table under the first heading starting with {@code heading}. */
    public List<String> column(String heading, String column) {
        Element h2 = page.select("h2").stream().filter(h -> h.text().startsWith(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("the report has no section " + heading));
        Element table = h2.nextElementSibling();
        if (table == null || !table.is("table")) {
            return List.of();
        }
        List<Element> rows = table.select("tr");
        int index = -1;
        for (int i = 0; i < rows.get(0).children().size(); i++) {
            if (rows.get(0).child(i).text().equals(column)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new AssertionError("the section " + heading + " has no column " + column);
        }
        List<String> values = new ArrayList<>();
        for (Element row : rows.subList(1, rows.size())) {
            values.add(row.child(index).wholeText());
        }
        return values;
    }

    /** Every element that fetches or runs something: scripts, images, frames, links, styles from elsewhere. */
    public List<Element> active() {
        return page.select("script, img, iframe, object, embed, link, a[href], [src], [onerror], [onload], [onclick]");
    }
}
