package fr.atelier51.knowledge.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import fr.atelier51.knowledge.domain.SourceKind;
import fr.atelier51.knowledge.service.KnowledgeHit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/** One search result: title link, source, state, breadcrumb, highlighted snippet, citation to copy. */
class HitCard extends Div {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    HitCard(KnowledgeHit hit, String query) {
        addClassName("knowledge-hit");
        String href = hit.url().substring(1);
        if (hit.source() == SourceKind.OFFICIAL) {
            String q = "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
            href = href + (href.contains("?") ? "&" : "?") + q;
        }
        Anchor title = new Anchor(href, hit.title());
        title.addClassName("knowledge-hit-title");

        Span source = badge(getTranslation(hit.source().messageKey()), "contrast");
        HorizontalLayout head = new HorizontalLayout(title, source);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);
        if (hit.core()) {
            head.add(badge(getTranslation("knowledge.badge.core"), "success"));
        }
        if (hit.source() == SourceKind.OFFICIAL) {
            String state = hit.inForce()
                    ? getTranslation("knowledge.state.in-force-since", hit.since() == null ? "—" : DATE.format(hit.since()))
                    : getTranslation("knowledge.state.not-in-force", hit.etat() == null ? "" : hit.etat());
            head.add(badge(state, hit.inForce() ? "success" : "error"));
        } else if (hit.since() != null) {
            head.add(badge(getTranslation("knowledge.state.reviewed", DATE.format(hit.since())), "contrast"));
        }

        Span crumbs = new Span(String.join(" › ", hit.breadcrumb()));
        crumbs.addClassName("knowledge-breadcrumb");

        Div snippet = new Div();
        snippet.addClassName("knowledge-snippet");
        // The highlighter escapes the text and only adds <mark>: safe to show as HTML.
        snippet.getElement().setProperty("innerHTML", hit.snippetHtml());

        Span citation = new Span(hit.citation());
        citation.addClassName("knowledge-citation");
        Button copy = new Button(getTranslation("knowledge.citation.copy"), VaadinIcon.COPY_O.create());
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        copy.addClassName("knowledge-copy");
        copy.addClickListener(e -> {
            copy.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", hit.citation());
            Notification.show(getTranslation("knowledge.citation.copied"), 2000, Notification.Position.BOTTOM_START);
        });
        HorizontalLayout cite = new HorizontalLayout(citation, copy);
        cite.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        cite.setWrap(true);
        if (hit.externalUrl() != null) {
            Anchor legifrance = new Anchor(hit.externalUrl(), getTranslation("knowledge.legifrance"), AnchorTarget.BLANK);
            legifrance.getElement().setAttribute("rel", "noopener noreferrer");
            cite.add(legifrance);
        }
        add(head, crumbs, snippet, cite);
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }
}
