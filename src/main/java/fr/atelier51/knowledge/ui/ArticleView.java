package fr.atelier51.knowledge.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import fr.atelier51.knowledge.domain.ArticleVersion;
import fr.atelier51.knowledge.domain.LegalArticle;
import fr.atelier51.knowledge.service.ArticlePage;
import fr.atelier51.knowledge.service.KnowledgeSearchService;
import jakarta.annotation.security.PermitAll;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * An official article: full text with the query terms marked (and scrolled to), references as links (ours or
 * Légifrance), state, citation, version list and Légifrance link. Route kept stable: other features link here
 * with {@code knowledge/articles/L162-31-1} (any spelling of the reference is accepted), optional {@code ?q=}.
 */
@Route("knowledge/articles/:ref")
@PermitAll
public class ArticleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final KnowledgeSearchService search;
    private String title = "Atelier 51";

    public ArticleView(KnowledgeSearchService search) {
        this.search = search;
        setMaxWidth("60em");
        addClassName("knowledge-article");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String ref = event.getRouteParameters().get("ref").orElse("");
        QueryParameters params = event.getLocation().getQueryParameters();
        String q = params.getSingleParameter("q").orElse(null);
        String code = params.getSingleParameter("code").orElse(null);
        Optional<ArticlePage> page = search.article(ref, code, q);
        if (page.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("knowledge.error.article-not-found", ref));
            return;
        }
        show(page.get(), q);
    }

    private void show(ArticlePage page, String q) {
        LegalArticle a = page.article();
        title = a.codeShort() + ", art. " + a.displayRef();
        H2 heading = new H2(getTranslation("knowledge.article.title", a.displayRef(), a.codeTitle()));
        heading.setId("article-title");

        HorizontalLayout badges = new HorizontalLayout();
        badges.setWrap(true);
        Span state = new Span(page.inForce()
                ? getTranslation("knowledge.state.in-force-since", a.from() == null ? "—" : DATE.format(a.from()))
                : getTranslation("knowledge.state.not-in-force", a.etat() == null ? "" : a.etat()));
        state.setId("article-state");
        state.getElement().getThemeList().add("badge " + (page.inForce() ? "success" : "error"));
        badges.add(state);
        if (a.emphasis() == LegalArticle.Emphasis.CORE) {
            Span core = new Span(getTranslation("knowledge.badge.core"));
            core.getElement().getThemeList().add("badge success");
            badges.add(core);
        } else if (a.emphasis() == LegalArticle.Emphasis.NAMED_BY_CORE) {
            Span named = new Span(getTranslation("knowledge.badge.named"));
            named.getElement().getThemeList().add("badge");
            badges.add(named);
        }

        Span crumbs = new Span(String.join(" › ", a.breadcrumb()));
        crumbs.addClassName("knowledge-breadcrumb");

        Span citation = new Span(page.citation());
        citation.setId("article-citation");
        citation.addClassName("knowledge-citation");
        Button copy = new Button(getTranslation("knowledge.citation.copy"), VaadinIcon.COPY_O.create(), e -> {
            e.getSource().getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", page.citation());
            Notification.show(getTranslation("knowledge.citation.copied"), 2000, Notification.Position.BOTTOM_START);
        });
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Anchor legifrance = new Anchor(a.legifranceUrl(), getTranslation("knowledge.legifrance"), AnchorTarget.BLANK);
        legifrance.getElement().setAttribute("rel", "noopener noreferrer");
        legifrance.setId("article-legifrance");
        HorizontalLayout cite = new HorizontalLayout(citation, copy, legifrance);
        cite.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        cite.setWrap(true);

        Div text = new Div();
        text.setId("article-text");
        text.addClassName("knowledge-article-text");
        // Sanitised by the service (jsoup safelist); links and <mark> are ours.
        text.getElement().setProperty("innerHTML", page.safeHtml());

        add(new Anchor("knowledge" + (q == null ? "" : "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)),
                getTranslation("knowledge.back")), heading, badges, crumbs, cite, text);
        if (a.nota() != null && !a.nota().isBlank()) {
            Paragraph nota = new Paragraph(getTranslation("knowledge.article.nota") + " " + a.nota());
            nota.addClassName("knowledge-nota");
            add(nota);
        }

        Grid<ArticleVersion> versions = new Grid<>(ArticleVersion.class, false);
        versions.setId("article-versions");
        versions.addColumn(ArticleVersion::version).setHeader(getTranslation("knowledge.versions.version")).setAutoWidth(true);
        versions.addColumn(ArticleVersion::etat).setHeader(getTranslation("knowledge.versions.state")).setAutoWidth(true);
        versions.addColumn(v -> v.from() == null ? "" : DATE.format(v.from())).setHeader(getTranslation("knowledge.versions.from"));
        versions.addColumn(v -> v.to() == null ? "" : DATE.format(v.to())).setHeader(getTranslation("knowledge.versions.to"));
        versions.addComponentColumn(v -> {
            Anchor link = new Anchor(v.legifranceUrl(), v.legiId(), AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            return link;
        }).setHeader(getTranslation("knowledge.legifrance")).setAutoWidth(true);
        versions.setItems(a.versions().reversed());
        versions.setAllRowsVisible(true);
        add(new H3(getTranslation("knowledge.versions.title", a.versions().size())), versions);

        if (q != null && !q.isBlank()) {
            text.getElement().executeJs("const m = this.querySelector('mark'); if (m) m.scrollIntoView({block: 'center'});");
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
