package org.dbcreator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The markup of a rendered report, for tests that check nothing but the renderer's own tags made it in. */
public final class HtmlMarkup {

    /** The only elements and attributes the report writes itself. */
    public static final Set<String> ELEMENTS = Set.of("!doctype", "html", "head", "meta", "title", "style", "body", "h1",
            "h2", "table", "tr", "th", "td", "ul", "li", "p");
    public static final Set<String> ATTRIBUTES = Set.of("lang", "charset", "class");

    private static final Pattern TAG = Pattern.compile("<(/?)([^\\s>/]+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=]+)=");

    private HtmlMarkup() {}

    /** Every element name and attribute name in {@code html}'s tags that the report does not write itself. */
    public static List<String> foreign(String html) {
        List<String> foreign = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String element = tag.group(2).toLowerCase();
            if (!ELEMENTS.contains(element)) {
                foreign.add("<" + element);
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                if (!ATTRIBUTES.contains(attribute.group(1).toLowerCase())) {
                    foreign.add(attribute.group(1) + "=");
                }
            }
        }
        return foreign;
    }
}
