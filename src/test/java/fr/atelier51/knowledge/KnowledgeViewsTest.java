package fr.atelier51.knowledge;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.ui.LoginView;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import fr.atelier51.knowledge.ui.ArticleView;
import fr.atelier51.knowledge.ui.KnowledgeView;
import fr.atelier51.knowledge.ui.NoteView;
import fr.atelier51.testsupport.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.router.QueryParameters;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeViewsTest extends KaribuTest {

    @Autowired
    KnowledgeIndex index;

    @BeforeEach
    void waitForIndex() {
        assertThat(index.awaitReady(5, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void anonymousIsSentToLogin() {
        navigate("knowledge");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void holderSearchesAndSeesCitedPassages() {
        Account holder = fixtures.account(Role.HOLDER, "Jeanne");
        login(holder);
        navigate("knowledge");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(KnowledgeView.class);
        _get(TextField.class, spec -> spec.withId("knowledge-query")).setValue("fonds d'intervention régional");
        assertThat(_get(Paragraph.class, spec -> spec.withId("knowledge-status")).getText()).contains("passages affichés");
        Div results = _get(Div.class, spec -> spec.withId("knowledge-results"));
        assertThat(results.getChildren().count()).isGreaterThan(0);
        assertThat(_find(Span.class, spec -> spec.withClasses("knowledge-citation"))).isNotEmpty();

        // a common expression: the count stopped past a thousand, and the page says so
        _get(TextField.class, spec -> spec.withId("knowledge-query")).setValue("sécurité sociale");
        assertThat(_get(Paragraph.class, spec -> spec.withId("knowledge-status")).getText()).contains("plus de");

        _get(TextField.class, spec -> spec.withId("knowledge-query")).setValue("L162-31");
        assertThat(_get(Div.class, spec -> spec.withId("knowledge-suggestions")).getElement().getTextRecursively())
                .as("suggestions while typing").contains("Article L.162-31-1");

        _get(TextField.class, spec -> spec.withId("knowledge-query")).setValue("");
        assertThat(_get(Div.class, spec -> spec.withId("knowledge-suggestions")).getChildren()).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("knowledge-status")).getText()).contains("Tapez");
    }

    @Test
    void articleAndNotePagesOpenByTheirStableRoutes() {
        login(fixtures.account(Role.COACH, "Karim"));
        UI.getCurrent().navigate("knowledge/articles/l.162-31-1", QueryParameters.simple(Map.of("q", "cinq ans")));
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ArticleView.class);
        assertThat(_get(H2.class, spec -> spec.withId("article-title")).getText()).contains("L.162-31-1");
        assertThat(_get(Span.class, spec -> spec.withId("article-citation")).getText())
                .isEqualTo("CSS, art. L.162-31-1, version en vigueur depuis le 01/01/2025");
        assertThat(_get(Div.class, spec -> spec.withId("article-text")).getElement().getProperty("innerHTML")).contains("<mark>");

        navigate("knowledge/notes/06-financement-fiss-fir");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(NoteView.class);
        assertThat(_get(Div.class, spec -> spec.withId("note-body")).getElement().getProperty("innerHTML")).contains("<h2 id=");
    }
}
