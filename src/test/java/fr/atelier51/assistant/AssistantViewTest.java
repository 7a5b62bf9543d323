package fr.atelier51.assistant;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.assistant.ui.AssistantView;
import fr.atelier51.project.domain.Project;
import fr.atelier51.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AssistantViewTest extends KaribuTest {

    @Test
    void holderChatsAndTheRecordCardFillsInWithCitedLinks() {
        Account holder = fixtures.account(Role.HOLDER, "Héloïse");
        Project project = fixtures.projectOf(holder, "Suivi IC");
        login(holder);
        navigate("projects/" + project.getId() + "/assistant");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AssistantView.class);
        MessageList list = _get(MessageList.class, spec -> spec.withId("assistant-messages"));
        assertThat(list.getItems()).singleElement().satisfies(i -> assertThat(i.getText()).startsWith("Bonjour"));

        MessageInput input = _get(MessageInput.class, spec -> spec.withId("assistant-input"));
        ComponentUtil.fireEvent(input, new MessageInput.SubmitEvent(input, false, InterviewEngineTest.LONG_IDEA));

        assertThat(list.getItems()).hasSize(3);
        MessageListItem reply = list.getItems().get(2);
        assertThat(reply.getText()).contains("L.162-31-1 II 1° a)")
                .contains("[CSS, art. L.162-31-1](/knowledge/articles/L162-31-1)")
                .contains("(/knowledge/notes/03-catalogue-des-derogations)");
        String card = _get(Div.class, spec -> spec.withId("assistant-summary")).getElement().getTextRecursively();
        assertThat(card).contains("local (infrarégional)").contains("ARS Occitanie").contains("FIR").contains("FISS")
                .contains("L.162-31-1 II 1° a)").contains("36 mois").contains("E1").contains("HC-COMPETENCES");

        _click(_get(Button.class, spec -> spec.withId("confirm-II-1-a")));
        assertThat(_get(Div.class, spec -> spec.withId("assistant-summary")).getElement().getTextRecursively()).contains("confirmée");
    }

    @Test
    void adminReadsWithoutAnInputAndOutsidersAreTurnedAway() {
        Account holder = fixtures.account(Role.HOLDER, "Hugo");
        Account other = fixtures.account(Role.HOLDER, "Inès");
        Account admin = fixtures.account(Role.ADMIN, "Alix");
        Project project = fixtures.projectOf(holder, "Projet d’Hugo");
        login(admin);
        navigate("projects/" + project.getId() + "/assistant");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AssistantView.class);
        assertThat(_find(MessageInput.class)).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("assistant-read-only")).getText()).contains("Lecture seule");
        assertThat(_find(Button.class, spec -> spec.withId("confirm-II-1-a"))).isEmpty();

        login(other);
        navigate("projects/" + project.getId() + "/assistant");
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(AssistantView.class);
    }
}
