package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.base.ui.BusinessErrorView;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.testsupport.KaribuTest;
import fr.atelier51.workspace.service.TextOps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/** The letter view, browserless: sections, guidance, editor sessions, read-only admin, refusal and revocation. */
class LetterViewTest extends KaribuTest {

    @Autowired
    ProjectService projects;

    private static String sync(SectionEditor editor, long seq, long m, String base, String text, int n) {
        return editor.sync("{\"seq\":" + seq + ",\"m\":" + m + ",\"edits\":[{\"n\":" + n + ",\"ops\":"
                + opsJson(base, text) + ",\"h\":" + TextOps.hash(text) + "}]}");
    }

    private static String opsJson(String base, String text) {
        StringBuilder sb = new StringBuilder("[");
        for (Object op : TextOps.diff(base, text)) {
            if (sb.length() > 1) sb.append(',');
            sb.append(op instanceof String s ? "\"" + s.replace("\"", "\\\"") + "\"" : op);
        }
        return sb.append(']').toString();
    }

    @Test
    void holderSeesTheFifteenSectionsAndTypesInOne() {
        Account holder = fixtures.account(Role.HOLDER, "Hugo");
        Project project = fixtures.projectOf(holder, "Lettre Karibu");
        login(holder);
        UI.getCurrent().navigate("projects/" + project.getId() + "/letter",
                com.vaadin.flow.router.QueryParameters.of("section", "contexte"));
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LetterView.class);
        assertThat(_find(Div.class, spec -> spec.withClasses("letter-section-link"))).hasSize(15);
        assertThat(_get(H3.class, spec -> spec.withId("section-heading")).getText()).isEqualTo("Contexte et constats");
        SectionEditor editor = _get(SectionEditor.class);
        assertThat(editor.key().key()).isEqualTo("contexte");

        String answer = sync(editor, 1, 0, "", "Les patients sortent trop tôt.", 0);
        assertThat(answer).contains("\"n\":1").contains("\"version\":1").contains("\"error\":null");
        assertThat(sync(editor, 1, 0, "", "doublon", 0)).contains("\"stale\":true");

        _click(_get(Div.class, spec -> spec.withId("section-link-objectifs")));
        assertThat(_get(H3.class, spec -> spec.withId("section-heading")).getText()).isEqualTo("Objectifs");
        assertThat(_get(Div.class, spec -> spec.withId("presence")).getElement().getTextRecursively()).contains("Hugo");
    }

    @Test
    void adminReadsOnlyAndAnotherHolderIsRefused() {
        Account holder = fixtures.account(Role.HOLDER, "Inès");
        Account other = fixtures.account(Role.HOLDER, "Jules");
        Account admin = fixtures.account(Role.ADMIN, "Karine");
        Project project = fixtures.projectOf(holder, "Lettre admin");
        login(admin);
        navigate("projects/" + project.getId() + "/letter");
        assertThat(_get(Paragraph.class, spec -> spec.withId("letter-read-only")).getText()).contains("Lecture seule");
        assertThat(sync(_get(SectionEditor.class), 1, 0, "", "Effacé", 0)).contains("\"error\":\"read-only\"");

        login(other);
        navigate("projects/" + project.getId() + "/letter");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(BusinessErrorView.class);
    }

    @Test
    void aRemovedCoHolderLosesTheOpenEditorAtOnce() {
        Account owner = fixtures.account(Role.HOLDER, "Louise");
        Account coHolder = fixtures.account(Role.HOLDER, "Marc");
        Project project = fixtures.projectOf(owner, "Lettre partagée");
        as(owner, () -> projects.inviteCoHolder(project.getId(), coHolder.getEmail()));
        login(coHolder);
        navigate("projects/" + project.getId() + "/letter");
        SectionEditor editor = _get(SectionEditor.class);
        assertThat(sync(editor, 1, 0, "", "Texte de Marc", 0)).contains("\"error\":null");

        as(owner, () -> projects.removeCoHolder(project.getId(), coHolder.getId()));
        assertThat(sync(editor, 2, 0, "Texte de Marc", "Texte de Marc encore", 1)).contains("\"error\":\"closed\"");
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(_get(Paragraph.class, spec -> spec.withId("letter-revoked")).getText()).contains("plus accès");
    }
}
