package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.SectionHistoryService;

/**
 * The history page's comparison area: two version numbers and the difference between them. The page fills the
 * numbers from the rows the reader ticks; the reader may also type them. A live update of the page leaves it alone.
 */
class HistoryComparison extends VerticalLayout {

    private final SectionHistoryService history;
    private final long projectId;
    private final SectionKey key;
    private final IntegerField from = new IntegerField();
    private final IntegerField to = new IntegerField();
    private final Div diffArea = new Div();

    HistoryComparison(SectionHistoryService history, long projectId, SectionKey key) {
        this.history = history;
        this.projectId = projectId;
        this.key = key;
        setPadding(false);
        from.setId("history-from");
        from.setLabel(getTranslation("history.compare.from"));
        from.setMin(0);
        to.setId("history-to");
        to.setLabel(getTranslation("history.compare.to"));
        to.setMin(0);
        Button compare = new Button(getTranslation("history.compare"), e -> show());
        compare.setId("history-compare");
        HorizontalLayout form = new HorizontalLayout(from, to, compare);
        form.setAlignItems(Alignment.BASELINE);
        diffArea.setId("history-diff");
        diffArea.setWidthFull();
        add(form, diffArea);
    }

    /** The newest version the reader may type. */
    void upTo(long currentVersion) {
        int max = (int) Math.min(Integer.MAX_VALUE, currentVersion);
        from.setMax(max);
        to.setMax(max);
    }

    /** Shows what changed from version {@code older} to version {@code newer}. */
    void compare(long older, long newer) {
        from.setValue((int) older);
        to.setValue((int) newer);
        show();
    }

    void clear() {
        from.clear();
        to.clear();
        diffArea.removeAll();
    }

    private void show() {
        diffArea.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        try {
            var diff = history.diff(projectId, key, from.getValue(), to.getValue());
            diffArea.add(new DiffBlock(getTranslation("history.diff.title", from.getValue(), to.getValue(),
                    diff.added(), diff.removed()), diff));
        } catch (BusinessException e) {
            Paragraph error = new Paragraph(getTranslation(e.messageKey(), e.args()));
            error.addClassName("history-error");
            diffArea.add(error);
        }
    }
}
