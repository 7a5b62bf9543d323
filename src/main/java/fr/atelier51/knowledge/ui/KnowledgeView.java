package fr.atelier51.knowledge.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.atelier51.knowledge.domain.SourceKind;
import fr.atelier51.knowledge.service.KnowledgeHit;
import fr.atelier51.knowledge.service.KnowledgeQuery;
import fr.atelier51.knowledge.service.KnowledgeResults;
import fr.atelier51.knowledge.service.KnowledgeSearchService;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Search of the legal knowledge base: one box, results as you type (debounced), filters, and for each passage a
 * highlighted snippet, breadcrumb, source, in-force state and a citation to copy. Enter on an article reference
 * opens the article. Login required (the anonymous case is the {@code atelier51.knowledge.public-search} choice,
 * enforced by the service).
 */
@Route("knowledge")
@PageTitle("Base de connaissances — Atelier 51")
@Menu(order = 20, icon = "vaadin:book", title = "nav.knowledge")
@PermitAll
public class KnowledgeView extends VerticalLayout implements BeforeEnterObserver {

    static final int PAGE = 20;
    static final int SUGGESTIONS = 6;
    private static final String ALL_CODES = "";

    private final KnowledgeSearchService search;
    final TextField query = new TextField();
    final CheckboxGroup<SourceKind> sources = new CheckboxGroup<>();
    final Select<String> code = new Select<>();
    final Checkbox inForceOnly = new Checkbox();
    final Paragraph status = new Paragraph();
    final Div results = new Div();
    final Div suggestions = new Div();
    private KnowledgeResults last;

    public KnowledgeView(KnowledgeSearchService search) {
        this.search = search;
        setMaxWidth("60em");
        addClassName("knowledge-view");

        query.setId("knowledge-query");
        query.setWidthFull();
        query.setPlaceholder(getTranslation("knowledge.search.placeholder"));
        query.setAriaLabel(getTranslation("knowledge.search.label"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setValueChangeTimeout(250);
        query.setMaxLength(5000);
        query.addValueChangeListener(e -> run());
        query.addKeyPressListener(Key.ENTER, e -> jumpIfReference());

        sources.setId("knowledge-sources");
        sources.setLabel(getTranslation("knowledge.filter.sources"));
        sources.setItems(SourceKind.values());
        sources.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        sources.setValue(EnumSet.allOf(SourceKind.class));
        sources.addValueChangeListener(e -> run());

        Map<String, String> codes = search.codes();
        List<String> codeItems = new ArrayList<>();
        codeItems.add(ALL_CODES);
        codeItems.addAll(codes.keySet());
        code.setId("knowledge-code");
        code.setLabel(getTranslation("knowledge.filter.code"));
        code.setItems(codeItems);
        code.setItemLabelGenerator(c -> c.isEmpty() ? getTranslation("knowledge.filter.all-codes") : codes.getOrDefault(c, c));
        code.setValue(ALL_CODES);
        code.addValueChangeListener(e -> run());

        inForceOnly.setId("knowledge-in-force");
        inForceOnly.setLabel(getTranslation("knowledge.filter.in-force"));
        inForceOnly.setValue(true);
        inForceOnly.addValueChangeListener(e -> run());

        HorizontalLayout filters = new HorizontalLayout(sources, code, inForceOnly);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        status.setId("knowledge-status");
        status.addClassName("knowledge-status");
        results.setId("knowledge-results");
        results.setWidthFull();

        suggestions.setId("knowledge-suggestions");
        suggestions.addClassName("knowledge-suggestions");
        suggestions.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.4em 1em");
        add(new H2(getTranslation("knowledge.title")), query, suggestions, filters, status, results);
        status.setText(getTranslation("knowledge.search.hint"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("q").ifPresent(q -> {
            query.setValue(q);
            run();
        });
    }

    void run() {
        String text = query.getValue();
        results.removeAll();
        suggestions.removeAll();
        if (text == null || text.isBlank()) {
            last = null;
            status.setText(getTranslation("knowledge.search.hint"));
            return;
        }
        for (KnowledgeSearchService.Suggestion s : search.suggest(text, SUGGESTIONS)) {
            Anchor a = new Anchor(s.url().substring(1), s.label());
            a.addClassName("knowledge-suggestion");
            a.getElement().setAttribute("title", getTranslation(s.source().messageKey()));
            suggestions.add(a);
        }
        last = search.search(new KnowledgeQuery(text, PAGE, sources.getValue(),
                ALL_CODES.equals(code.getValue()) ? null : code.getValue(), inForceOnly.getValue()));
        if (last.jumpTo() != null) {
            Anchor jump = new Anchor(last.jumpTo(), getTranslation("knowledge.search.open-article"));
            jump.setId("knowledge-jump");
            jump.addClassName("knowledge-jump");
            results.add(jump);
        }
        if (last.messageKey() != null) {
            status.setText(getTranslation(last.messageKey()));
        } else {
            status.setText(getTranslation(last.totalExact() ? "knowledge.search.count" : "knowledge.search.count-more",
                    last.hits().size(), last.total(), last.tookMs()));
        }
        for (KnowledgeHit hit : last.hits()) {
            results.add(new HitCard(hit, text));
        }
    }

    private void jumpIfReference() {
        if (last != null && last.jumpTo() != null) {
            getUI().ifPresent(ui -> ui.navigate(last.jumpTo()));
        }
    }

    KnowledgeResults lastResults() {
        return last;
    }
}
