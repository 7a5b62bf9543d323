package fr.atelier51.assistant;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.assistant.domain.AssistantMessage;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.assistant.service.FakeOpenAiServer;
import fr.atelier51.assistant.service.Phrasing;
import fr.atelier51.project.domain.Project;
import fr.atelier51.testsupport.KaribuTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat view with a streaming model behind it: a local fake OpenAI-compatible server streams its answer as SSE
 * chunks. The record and the sources come from the engine at once; the model's words fill the reply in; a model that
 * dies mid-stream is replaced by the engine's reply with a notice. Waits are on what the UI shows, never on a clock.
 */
class AssistantStreamingViewTest extends KaribuTest {

    static final FakeOpenAiServer MODEL = new FakeOpenAiServer();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("atelier51.assistant.llm.provider", () -> "openai");
        registry.add("atelier51.assistant.llm.base-url", MODEL::baseUrl);
        registry.add("atelier51.assistant.llm.model", () -> "fake-model");
        // The silence watchdog must outlast a slow first turn on a loaded 2-core CI machine (a 10 s limit fired there
        // while the test was still submitting); the dying-model test cuts the connection, so it never waits for it.
        registry.add("atelier51.assistant.llm.timeout-seconds", () -> "45");
    }

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    @Autowired
    AssistantService assistant;

    MessageList list;
    MessageInput input;
    Project project;

    @BeforeEach
    void openTheAssistant() {
        MODEL.requests.clear();
        MODEL.chunks = 8;
        MODEL.holdAfter = -1;
        MODEL.cutAfter = -1;
        MODEL.content = body -> "Voici votre projet, dit plus simplement. Références gardées : "
                + String.join(", ", FakeOpenAiServer.references(body)) + ".";
        Account holder = fixtures.account(Role.HOLDER, "Salomé");
        project = fixtures.projectOf(holder, "Suivi IC en direct");
        login(holder);
        navigate("projects/" + project.getId() + "/assistant");
        list = _get(MessageList.class, spec -> spec.withId("assistant-messages"));
        input = _get(MessageInput.class, spec -> spec.withId("assistant-input"));
    }

    private static void until(BooleanSupplier shown) throws InterruptedException {
        for (int i = 0; i < 1500 && !shown.getAsBoolean(); i++) {
            MockVaadin.clientRoundtrip(false); // runs what the model's threads pushed with ui.access
            Thread.sleep(20);
        }
        assertThat(shown.getAsBoolean()).as("the view reached the expected state").isTrue();
    }

    private static String card() {
        return _get(Div.class, spec -> spec.withId("assistant-summary")).getElement().getTextRecursively();
    }

    private AssistantMessage lastSaved() {
        List<AssistantMessage> all = assistant.conversation(project.getId());
        return all.getLast();
    }

    @Test
    void theReplyAppearsTokenByTokenAfterTheEnginesRecordAndSources() throws Exception {
        MODEL.holdAfter = 3;
        ComponentUtil.fireEvent(input, new MessageInput.SubmitEvent(input, false, InterviewEngineTest.LONG_IDEA));

        // At once: the engine's record, and the reply's sources; the words are still coming.
        assertThat(card()).contains("ARS Occitanie").contains("L.162-31-1 II 1° a)").contains("36 mois");
        assertThat(list.getItems()).hasSize(3);
        MessageListItem answer = list.getItems().get(2);
        assertThat(answer.getText()).startsWith("…").contains("[CSS, art. L.162-31-1](/knowledge/articles/L162-31-1)");
        assertThat(input.isEnabled()).isFalse();

        // Part of the answer, then the rest once the model goes on.
        assertThat(MODEL.awaitHeld(30)).isTrue();
        until(() -> answer.getText().startsWith("Voici"));
        String partial = answer.getText();
        assertThat(partial).contains("**Sources :** [CSS, art. L.162-31-1](/knowledge/articles/L162-31-1)");
        String partialWords = partial.substring(0, partial.indexOf("\n\n**Sources"));
        assertThat(input.isEnabled()).isFalse();
        MODEL.release();
        until(input::isEnabled);

        String phrased = lastSaved().getText();
        assertThat(phrased).startsWith("Voici votre projet, dit plus simplement. Références gardées : ").contains("L.162-31-1")
                .doesNotContain(Phrasing.FALLBACK_NOTICE);
        assertThat(phrased).startsWith(partialWords).isNotEqualTo(partialWords); // the first tokens were shown before the rest
        assertThat(answer.getText()).startsWith("Voici votre projet, dit plus simplement.").contains("II1°a)").startsWith(phrased + "\n\n")
                .contains("**Sources :** [CSS, art. L.162-31-1](/knowledge/articles/L162-31-1)");
        assertThat(MODEL.requests).singleElement().satisfies(sent -> assertThat(sent.replace(" ", "")).contains("\"stream\":true"));
        assertThat(card()).contains("ARS Occitanie");
    }

    @Test
    void aModelThatDiesMidStreamIsReplacedByTheEnginesReplyWithANotice() throws Exception {
        MODEL.cutAfter = 3;
        ComponentUtil.fireEvent(input, new MessageInput.SubmitEvent(input, false, InterviewEngineTest.LONG_IDEA));
        MessageListItem answer = list.getItems().get(2);
        until(input::isEnabled);

        assertThat(answer.getText()).doesNotStartWith("Voici").contains("L.162-31-1 II 1° a)")
                .contains(Phrasing.FALLBACK_NOTICE).contains("**Sources :** [CSS, art. L.162-31-1](/knowledge/articles/L162-31-1)");
        assertThat(lastSaved().getText()).endsWith(Phrasing.FALLBACK_NOTICE).contains("L.162-31-1 II 1° a)");
        assertThat(card()).contains("ARS Occitanie").contains("36 mois");
    }
}
