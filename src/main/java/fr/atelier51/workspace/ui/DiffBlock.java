package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import fr.atelier51.workspace.service.TextDiff;

/**
 * A difference between two texts as people read it: the text with insertions in {@code <ins>} and deletions in
 * {@code <del>}, coloured and underlined / struck through, and each announced to screen readers by a hidden
 * "Ajouté :" / "Supprimé :" so colour is never the only signal.
 */
class DiffBlock extends Div {

    DiffBlock(String title, TextDiff diff) {
        addClassName("history-diff");
        if (title != null) {
            Paragraph heading = new Paragraph(title);
            heading.addClassName("history-diff-title");
            add(heading);
        }
        if (diff.isEmpty()) {
            Paragraph same = new Paragraph(getTranslation("history.diff.same"));
            same.addClassName("history-diff-same");
            add(same);
            return;
        }
        Div text = new Div();
        text.addClassName("history-diff-text");
        for (TextDiff.Part part : diff.parts()) {
            Element el = switch (part.kind()) {
                case SAME -> new Element("span");
                case ADDED -> marked("ins", "history.diff.added");
                case REMOVED -> marked("del", "history.diff.removed");
            };
            el.appendChild(Element.createText(part.text()));
            if (part.kind() != TextDiff.Kind.SAME) {
                el.appendChild(hidden(" [" + getTranslation("history.diff.end") + "]"));
            }
            text.getElement().appendChild(el);
        }
        add(text);
    }

    private Element marked(String tag, String labelKey) {
        Element el = new Element(tag);
        el.setAttribute("title", getTranslation(labelKey));
        el.appendChild(hidden(getTranslation(labelKey) + " "));
        return el;
    }

    private static Element hidden(String text) {
        Element span = new Element("span");
        span.getClassList().add("sr-only");
        span.setText(text);
        return span;
    }
}
