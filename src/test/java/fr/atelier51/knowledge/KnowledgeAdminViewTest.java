package fr.atelier51.knowledge;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import fr.atelier51.knowledge.service.KnowledgeUploadService;
import fr.atelier51.knowledge.service.KnowledgeUploadService.UploadInfo;
import com.github.mvysny.kaributesting.v10.GridKt;
import fr.atelier51.knowledge.ui.KnowledgeAdminView;
import fr.atelier51.knowledge.ui.UploadView;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

import com.github.mvysny.kaributesting.v10.MockVaadin;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin page of the knowledge base: who may open it, uploads with their messages, re-index with progress. */
class KnowledgeAdminViewTest extends KaribuTest {

    @Autowired
    KnowledgeIndex index;
    @Autowired
    KnowledgeUploadService uploads;

    @BeforeEach
    void ready() {
        assertThat(index.awaitReady(5, TimeUnit.MINUTES)).isTrue();
        assertThat(index.awaitIdle(5, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void holdersCannotOpenThePage() {
        login(fixtures.account(Role.HOLDER, "Hortense"));
        assertThatThrownBy(() -> navigate("admin/knowledge")).hasMessageContaining("Access is denied");
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(KnowledgeAdminView.class);
    }

    @Test
    void aCoachUploadsSeesRefusalsInFrenchAndCannotReindex() throws Exception {
        login(fixtures.account(Role.COACH, "Cyprien"));
        navigate("admin/knowledge");
        KnowledgeAdminView view = _get(KnowledgeAdminView.class);
        assertThat(_find(Button.class, spec -> spec.withId("reindex"))).as("re-index is for admins").isEmpty();
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("uploads-grid"));
        int before = _size(grid);

        // the page answers at once; extraction and indexing run in the background and are pushed when done
        receive(view, "Guide régional", "guide.pdf", TestDocuments.pdf("Premiere page", "Seconde page du guide"));
        assertThat(_size(grid)).isEqualTo(before + 1);
        Paragraph status = _get(Paragraph.class, spec -> spec.withId("upload-status"));
        assertThat(status.getText()).startsWith("« Guide régional » est déposé : extraction et indexation en cours.");
        pushed();
        assertThat(status.getText()).isEqualTo("« Guide régional » a été ajouté (2 passages cherchables).");
        long id = Fixtures.as(fixtures.account(Role.ADMIN, "Anaïs"), () -> uploads.list()).stream()
                .filter(u -> u.title().equals("Guide régional")).findFirst().orElseThrow().id();
        assertThat(stateCell(grid, id)).isEqualTo("Indexé");

        // what only the extraction finds: the document stays listed, failed, with the reason in French
        receive(view, null, "secret.pdf", TestDocuments.encryptedPdf("mdp", "x"));
        pushed();
        assertThat(status.getText()).isEqualTo("« secret » n’a pas pu être indexé : "
                + "Le PDF est protégé (mot de passe ou copie interdite) : déposez une version non protégée.");
        long secret = Fixtures.as(fixtures.account(Role.ADMIN, "Anaïs"), () -> uploads.list()).stream()
                .filter(u -> u.title().equals("secret")).findFirst().orElseThrow().id();
        assertThat(stateCell(grid, secret)).isEqualTo("Échec : Le PDF est protégé (mot de passe ou copie interdite) : déposez une version non protégée.");
        // what the quick checks find is said at once and nothing is kept
        receive(view, null, "vide.docx", new byte[0]);
        assertThat(status.getText()).isEqualTo("Le fichier est vide : rien à indexer.");
        assertThat(_size(grid)).isEqualTo(before + 2);

        // the document page, where search results lead
        navigate("knowledge/uploads/" + id);
        assertThat(_get(UploadView.class)).isNotNull();
        assertThat(_get(H2.class, spec -> spec.withId("upload-title")).getText()).isEqualTo("Guide régional");
        assertThat(_get(Div.class, spec -> spec.withId("page-2")).getElement().getTextRecursively()).contains("Seconde page du guide");
    }

    @Test
    void anAdminReindexesWithAProgressBar() {
        Account admin = fixtures.account(Role.ADMIN, "Armand");
        login(admin);
        navigate("admin/knowledge");
        KnowledgeAdminView view = _get(KnowledgeAdminView.class);
        Button reindex = _get(Button.class, spec -> spec.withId("reindex"));
        assertThat(reindex.isVisible()).isTrue();
        _click(reindex);
        ProgressBar progress = _get(ProgressBar.class, spec -> spec.withId("index-progress"));
        assertThat(UI.getCurrent().getPollInterval()).as("polling while the job runs").isPositive();
        assertThat(progress.isVisible()).isTrue();
        assertThat(reindex.isEnabled()).isFalse();

        assertThat(index.awaitIdle(5, TimeUnit.MINUTES)).isTrue();
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops at the end").isEqualTo(-1);
        assertThat(progress.isVisible()).isFalse();
        assertThat(reindex.isEnabled()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("index-status")).getText()).startsWith("L’index est prêt. Dernière construction :");
        assertThat(_find(KnowledgeAdminView.class)).containsExactly(view);
    }

    /** The text of the state cell of a document's row. */
    @SuppressWarnings("unchecked")
    private static String stateCell(Grid<?> grid, long id) {
        Grid<UploadInfo> g = (Grid<UploadInfo>) grid;
        for (int row = 0; row < _size(g); row++) {
            if (GridKt._get(g, row).id() == id) {
                return ((Span) GridKt._getCellComponent(g, row, "state")).getText();
            }
        }
        throw new AssertionError("no row for " + id);
    }

    /** Waits for the background work, then runs what it pushed to the page with ui.access. */
    private void pushed() {
        assertThat(uploads.awaitProcessed(2, TimeUnit.MINUTES)).isTrue();
        MockVaadin.clientRoundtrip(false);
    }

    /** What the upload component's handler does once the bytes are in. */
    private static void receive(KnowledgeAdminView view, String title, String fileName, byte[] bytes) throws Exception {
        Method m = KnowledgeAdminView.class.getDeclaredMethod("receive", String.class, String.class, byte[].class);
        m.setAccessible(true);
        m.invoke(view, title, fileName, bytes);
    }
}
