package fr.atelier51.assistant;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.assistant.domain.DerogationCatalogue;
import fr.atelier51.assistant.domain.DerogationDefinition;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.assistant.ui.AssistantView;
import fr.atelier51.project.domain.Project;
import fr.atelier51.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AssistantViewTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired
    AssistantService assistant;

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
        assertThat(_find(Button.class, spec -> spec.withId("summary-correct-toggle"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("derogation-add"))).isEmpty();

        login(other);
        navigate("projects/" + project.getId() + "/assistant");
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(AssistantView.class);
    }

    private static String card() {
        return _get(Div.class, spec -> spec.withId("assistant-summary")).getElement().getTextRecursively();
    }

    @Test
    void holderCorrectsTheRecordByHandAndTheCardAndVerdictFollowAtOnce() {
        Account holder = fixtures.account(Role.HOLDER, "Hortense");
        Project project = fixtures.projectOf(holder, "Suivi IC à corriger");
        login(holder);
        navigate("projects/" + project.getId() + "/assistant");
        MessageInput input = _get(MessageInput.class, spec -> spec.withId("assistant-input"));
        ComponentUtil.fireEvent(input, new MessageInput.SubmitEvent(input, false, InterviewEngineTest.LONG_IDEA));
        assertThat(card()).contains("Hérault (34)").contains("Gard (30)").contains("ARS Occitanie").contains("36 mois");

        _click(_get(Button.class, spec -> spec.withId("summary-correct-toggle")));
        // Remove a territory: the record keeps the other one, still local in Occitanie.
        Button removeGard = _get(Button.class, spec -> spec.withId("remove-territory-1"));
        assertThat(removeGard.getText()).contains("Gard (30)");
        _click(removeGard);
        assertThat(card()).doesNotContain("Gard (30)").contains("Hérault (34)").contains("ARS Occitanie");

        // Add a territory in another region: interregional, so the letter goes to the rapporteur général.
        _get(TextField.class, spec -> spec.withId("correct-territory")).setValue("Finistère");
        _click(_get(Button.class, spec -> spec.withId("correct-territory-add")));
        assertThat(card()).contains("Finistère (29)").contains("interrégional").contains("rapporteur général").doesNotContain("ARS Occitanie");

        // An unknown territory is refused on its field, nothing changes.
        TextField territory = _get(TextField.class, spec -> spec.withId("correct-territory"));
        territory.setValue("Atlantide");
        _click(_get(Button.class, spec -> spec.withId("correct-territory-add")));
        assertThat(territory.isInvalid()).isTrue();
        assertThat(territory.getErrorMessage()).contains("Territoire inconnu").contains("Atlantide");
        assertThat(card()).contains("Finistère (29)");

        // Over five years: refused with the reason, the recorded duration is kept.
        IntegerField duration = _get(IntegerField.class, spec -> spec.withId("correct-duration"));
        assertThat(duration.getValue()).isEqualTo(36);
        duration.setValue(72);
        _click(_get(Button.class, spec -> spec.withId("correct-save")));
        assertThat(duration.isInvalid()).isTrue();
        assertThat(duration.getErrorMessage()).contains("72 mois").contains("cinq ans (60 mois) au plus").contains("L.162-31-1");
        assertThat(card()).contains("36 mois");

        duration.setValue(48);
        _get(TextArea.class, spec -> spec.withId("correct-population")).setValue("Insuffisants cardiaques de plus de 75 ans");
        _get(TextArea.class, spec -> spec.withId("correct-problem")).setValue("Réhospitalisations évitables après une décompensation");
        _get(TextArea.class, spec -> spec.withId("correct-evaluation")).setValue("taux de réhospitalisation à 6 mois\n\nqualité de vie (KCCQ)");
        _click(_get(Button.class, spec -> spec.withId("correct-save")));
        assertThat(card()).contains("48 mois").contains("plus de 75 ans").contains("Réhospitalisations évitables")
                .contains("taux de réhospitalisation à 6 mois, qualité de vie (KCCQ)");
        assertThat(assistant.state(project.getId()).getEvaluationIdeas()).containsExactly("taux de réhospitalisation à 6 mois", "qualité de vie (KCCQ)");
        assertThat(assistant.state(project.getId()).getDurationMonths()).isEqualTo(48);

        // Add a II 2° derogation: a justification is required, and it must say why it is indispensable.
        @SuppressWarnings("unchecked")
        ComboBox<DerogationDefinition> choice = _get(ComboBox.class, spec -> spec.withId("derogation-add-code"));
        choice.setValue(DerogationCatalogue.get("II-2-j"));
        _click(_get(Button.class, spec -> spec.withId("derogation-add")));
        TextField why = _get(TextField.class, spec -> spec.withId("derogation-add-justification"));
        assertThat(why.getErrorMessage()).contains("L.162-31-1 II 2° j)").contains("pourquoi");
        assertThat(card()).doesNotContain("Avis HAS requis");
        why.setValue("Les infirmières adaptent les diurétiques selon un protocole signé avec le cardiologue.");
        _click(_get(Button.class, spec -> spec.withId("derogation-add")));
        assertThat(card()).contains("L.162-31-1 II 2° j)").contains("Avis HAS requis")
                .contains("« Les infirmières adaptent les diurétiques selon un protocole signé avec le cardiologue. »");

        // Reject everything: with no derogation left the verdict turns at once; a rejected one can be restored.
        String verdictBefore = _get(Div.class, spec -> spec.withId("summary-verdict")).getElement().getTextRecursively();
        _click(_get(Button.class, spec -> spec.withId("reject-II-2-j")));
        _click(_get(Button.class, spec -> spec.withId("reject-II-1-a")));
        String verdictAfter = _get(Div.class, spec -> spec.withId("summary-verdict")).getElement().getTextRecursively();
        assertThat(verdictAfter).isNotEqualTo(verdictBefore).contains("Hors champ");
        assertThat(card()).contains("retirée");
        Button restore = _get(Button.class, spec -> spec.withId("confirm-II-1-a"));
        assertThat(restore.getText()).isEqualTo("Rétablir");
        _get(TextField.class, spec -> spec.withId("justification-II-1-a")).setValue("Forfait par patient et par an à la place des actes.");
        _click(restore);
        assertThat(_get(Div.class, spec -> spec.withId("summary-verdict")).getElement().getTextRecursively()).doesNotContain("Hors champ");
        assertThat(assistant.state(project.getId()).keptDerogations()).extracting("code").containsExactly("II-1-a");
    }
}
