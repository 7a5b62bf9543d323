package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fr.atelier51.project.domain.Project;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.MarkdownPreview;

import java.util.function.Consumer;

/**
 * Under a section's editor: the link to its history, and the rendered preview (Markdown-light, rendered on the
 * server) that follows every sync while it is shown.
 */
class SectionTools extends Div {

    private final SectionEditor editor;
    private final Button toggle = new Button();
    private final Div preview = new Div();
    private boolean previewOn;
    private String lastPreview;

    SectionTools(long projectId, SectionKey key, SectionEditor editor, boolean previewOn, Consumer<Boolean> remember) {
        this.editor = editor;
        this.previewOn = previewOn;
        addClassName("letter-section-tools-box");
        Anchor historyLink = new Anchor("projects/" + projectId + "/letter/history?section=" + key.key(),
                getTranslation("history.link"));
        historyLink.setId("history-link");
        toggle.setId("preview-toggle");
        toggle.addThemeVariants(ButtonVariant.TERTIARY);
        toggle.addClickListener(e -> {
            this.previewOn = !this.previewOn;
            remember.accept(this.previewOn);
            show();
        });
        preview.setId("letter-preview");
        preview.addClassName("letter-preview");
        preview.getElement().setAttribute("role", "region");
        preview.getElement().setAttribute("aria-label", getTranslation("workspace.preview.title"));
        editor.onSynced(text -> {
            if (this.previewOn) {
                render(text);
            }
        });
        editor.addAttachListener(e -> show()); // the session (and its text) exists once the editor is attached
        Div tools = new Div(historyLink, toggle);
        tools.addClassName("letter-section-tools");
        add(tools, preview);
        show();
    }

    private void show() {
        toggle.setText(getTranslation(previewOn ? "workspace.preview.hide" : "workspace.preview.show"));
        toggle.getElement().setAttribute("aria-pressed", String.valueOf(previewOn));
        preview.setVisible(previewOn);
        if (previewOn && editor.session() != null) {
            render(editor.session().currentText());
        }
    }

    private void render(String text) {
        if (text.equals(lastPreview)) {
            return;
        }
        lastPreview = text;
        preview.removeAll();
        if (text.isBlank()) {
            preview.add(new Paragraph(getTranslation("history.named.section-empty")));
        } else {
            preview.add(new Html("<div>" + MarkdownPreview.toHtml(text) + "</div>"));
        }
    }

    /** After filing, changes form a new version: say so, and link the frozen filed letter. */
    static Div filedBanner(Project project) {
        Div banner = new Div();
        banner.setId("letter-filed");
        banner.addClassName("letter-filed-banner");
        banner.getElement().setAttribute("role", "status");
        Span text = new Span(banner.getTranslation("workspace.filed.banner", HistoryLabels.date(banner, project.getFiledOn())) + " ");
        Anchor filed = new Anchor("projects/" + project.getId() + "/filed", banner.getTranslation("workspace.filed.link"));
        filed.setId("letter-filed-link");
        banner.add(text, filed);
        return banner;
    }
}
