package fr.atelier51.workspace;

import fr.atelier51.account.domain.Account;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.CommentStatus;
import fr.atelier51.workspace.domain.LetterSectionRepository;
import fr.atelier51.workspace.domain.SectionChange;
import fr.atelier51.workspace.domain.SectionChangeRepository;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.CommentBus;
import fr.atelier51.workspace.service.CommentService;
import fr.atelier51.workspace.service.CommentThread;
import fr.atelier51.workspace.service.CommentsChanged;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.SectionState;
import fr.atelier51.workspace.service.Selection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Comments and suggestions through the service: anchoring, threads, accept/reject/conflict, access per role. */
@IntegrationTest
@AutoConfigureMockMvc
class CommentServiceTest {

    private static final SectionKey KEY = SectionKey.OBJECTIFS;
    private static final String TEXT = "Réduire les réhospitalisations. Former les infirmiers. Suivre les patients à domicile.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    CommentService comments;
    @Autowired
    LetterService letters;
    @Autowired
    ProjectService projects;
    @Autowired
    CommentBus bus;
    @Autowired
    LetterSectionRepository sections;
    @Autowired
    SectionChangeRepository changes;
    @Autowired
    MockMvc mvc;

    Fixtures.Cast cast;
    long projectId;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Lettre commentée");
        projectId = cast.project().getId();
        write(cast.holderA(), TEXT);
    }

    private SectionState section() {
        return as(cast.holderA(), () -> letters.letter(projectId).stream().filter(s -> s.key() == KEY).findFirst().orElseThrow());
    }

    /** Writes the whole section from its current version, as the API would. */
    private void write(Account who, String text) {
        long version = section().version();
        as(who, () -> letters.write(projectId, KEY, version, text, ChangeKind.API));
    }

    private static Selection select(String text, String passage) {
        int at = text.indexOf(passage);
        return new Selection(at, at + passage.length(), passage);
    }

    private List<CommentThread> threads(Account who, boolean all) {
        return as(who, () -> comments.threads(projectId, KEY, all));
    }

    private CommentThread only(Account who) {
        List<CommentThread> list = threads(who, true);
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    @Test
    void anAnchorFollowsEditsBeforeInsideAndAfterItsPassageAndIsOrphanedWhenItGoes() {
        as(cast.coachAssigned(), () -> comments.comment(projectId, KEY, select(TEXT, "Former les infirmiers."), "Lesquels ?"));
        CommentThread t = only(cast.holderA());
        assertThat(t.quote()).isEqualTo("Former les infirmiers.");
        assertThat(t.from()).isEqualTo(TEXT.indexOf("Former"));

        String before = "Objectif général : " + TEXT;
        write(cast.holderA(), before);
        t = only(cast.holderA());
        assertThat(before.substring(t.from(), t.to())).isEqualTo("Former les infirmiers.");

        String after = before + " Évaluer à 18 mois.";
        write(cast.holderA(), after);
        assertThat(only(cast.holderA()).from()).isEqualTo(before.indexOf("Former"));

        String inside = after.replace("Former les infirmiers.", "Former les infirmiers libéraux.");
        write(cast.holderA(), inside);
        t = only(cast.holderA());
        assertThat(t.quote()).isEqualTo("Former les infirmiers libéraux.");
        assertThat(t.orphaned()).isFalse();

        String deleted = inside.replace(" Former les infirmiers libéraux.", "");
        write(cast.holderA(), deleted);
        t = only(cast.coachAssigned());
        assertThat(t.orphaned()).isTrue();
        assertThat(t.quote()).isEqualTo("Former les infirmiers libéraux.");
        assertThat(t.body()).isEqualTo("Lesquels ?");
        assertThat(t.status()).isEqualTo(CommentStatus.OPEN);
    }

    @Test
    void threadsHaveRepliesAndAreResolvedAndReopened() {
        CommentThread t = as(cast.holderA(), () -> comments.comment(projectId, KEY, select(TEXT, "Suivre les patients"), "À chiffrer ?"));
        as(cast.coachAssigned(), () -> comments.reply(t.id(), "Oui, avec la CPAM."));
        as(cast.holderA(), () -> comments.reply(t.id(), "D’accord."));
        CommentThread read = only(cast.admin());
        assertThat(read.authorName()).isEqualTo(cast.holderA().getDisplayName());
        assertThat(read.replies()).extracting(CommentThread.Reply::body).containsExactly("Oui, avec la CPAM.", "D’accord.");
        assertThat(read.replies().get(0).authorName()).isEqualTo(cast.coachAssigned().getDisplayName());
        assertThat(as(cast.holderA(), () -> comments.openCounts(projectId))).containsEntry(KEY, 1);

        as(cast.coachAssigned(), () -> comments.resolve(t.id()));
        assertThat(threads(cast.holderA(), false)).isEmpty();
        CommentThread resolved = only(cast.holderA());
        assertThat(resolved.status()).isEqualTo(CommentStatus.RESOLVED);
        assertThat(resolved.closedByName()).isEqualTo(cast.coachAssigned().getDisplayName());
        assertThat(as(cast.holderA(), () -> comments.openCounts(projectId))).doesNotContainKey(KEY);

        as(cast.holderA(), () -> comments.reopen(t.id()));
        assertThat(threads(cast.holderA(), false)).extracting(CommentThread::status).containsExactly(CommentStatus.OPEN);
    }

    @Test
    void everyoneWhoMayReadTheLetterCommentsOthersGetNotFound() {
        for (Account reader : List.of(cast.holderA(), cast.coachAssigned(), cast.admin())) {
            as(reader, () -> comments.comment(projectId, KEY, select(TEXT, "Réduire"), "Par " + reader.getDisplayName()));
        }
        assertThat(threads(cast.holderA(), false)).hasSize(3);
        for (Account outsider : List.of(cast.holderB(), cast.coachOther())) {
            assertThatThrownBy(() -> threads(outsider, true)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(outsider, () -> comments.comment(projectId, KEY, select(TEXT, "Réduire"), "Intrus")))
                    .isInstanceOf(NotFoundException.class);
            long id = threads(cast.holderA(), false).get(0).id();
            assertThatThrownBy(() -> as(outsider, () -> comments.reply(id, "Intrus"))).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aRemovedCoHolderLosesAccessAtOnce() {
        as(cast.holderA(), () -> projects.inviteCoHolder(projectId, cast.holderB().getEmail()));
        CommentThread t = as(cast.holderB(), () -> comments.comment(projectId, KEY, select(TEXT, "Réduire"), "Ajouter un chiffre"));
        as(cast.holderA(), () -> projects.removeCoHolder(projectId, cast.holderB().getId()));
        assertThatThrownBy(() -> threads(cast.holderB(), true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(cast.holderB(), () -> comments.reply(t.id(), "encore"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> comments.threadsFor(cast.holderB(), projectId, KEY, true)).isInstanceOf(NotFoundException.class);
        assertThat(threads(cast.holderA(), false)).hasSize(1); // the thread stays
    }

    @Test
    void aHolderAcceptsACoachSuggestionAsAChangeOfTheirOwn() {
        CommentThread s = as(cast.coachAssigned(), () -> comments.suggest(projectId, KEY, select(TEXT, "Former les infirmiers."),
                "Former les infirmiers et les aides-soignants.", "Plus large"));
        assertThat(s.isSuggestion()).isTrue();
        assertThat(only(cast.holderA()).rights().decide()).isTrue();
        assertThat(only(cast.coachAssigned()).rights().decide()).isFalse();
        assertThat(only(cast.coachAssigned()).rights().withdraw()).isTrue();
        // Someone types elsewhere meanwhile: the suggestion is merged against the version it was made on.
        write(cast.holderA(), TEXT + " Évaluer.");
        assertThatThrownBy(() -> as(cast.coachAssigned(), () -> comments.accept(s.id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(cast.admin(), () -> comments.accept(s.id()))).isInstanceOf(ForbiddenException.class);

        as(cast.holderA(), () -> comments.accept(s.id()));
        assertThat(section().text()).isEqualTo(TEXT.replace("Former les infirmiers.", "Former les infirmiers et les aides-soignants.") + " Évaluer.");
        long sectionId = sections.findByProjectIdAndSectionKey(projectId, KEY.key()).orElseThrow().getId();
        SectionChange last = changes.findTop200BySectionIdOrderByVersionDesc(sectionId).get(0);
        assertThat(last.getKind()).isEqualTo(ChangeKind.SUGGESTION);
        assertThat(last.getAuthorId()).isEqualTo(cast.holderA().getId());
        CommentThread done = only(cast.coachAssigned());
        assertThat(done.status()).isEqualTo(CommentStatus.ACCEPTED);
        assertThat(done.closedByName()).isEqualTo(cast.holderA().getDisplayName());
        assertThatThrownBy(() -> as(cast.holderA(), () -> comments.accept(s.id())))
                .isInstanceOf(BusinessException.class).hasMessage("workspace.suggestion.error.closed");
    }

    @Test
    void aSuggestionOnAPassageChangedMeanwhileDoesNotApplyAndStaysOpen() {
        CommentThread s = as(cast.admin(), () -> comments.suggest(projectId, KEY, select(TEXT, "Suivre les patients à domicile."),
                "Suivre les patients chez eux.", null));
        String changed = TEXT.replace("Suivre les patients à domicile.", "Suivre les patients à domicile et en EHPAD.");
        write(cast.holderA(), changed);
        assertThatThrownBy(() -> as(cast.holderA(), () -> comments.accept(s.id())))
                .isInstanceOf(BusinessException.class).hasMessage("workspace.suggestion.error.conflict");
        assertThat(section().text()).isEqualTo(changed);
        assertThat(only(cast.holderA()).status()).isEqualTo(CommentStatus.OPEN);
        // The holder can still decide: reject in one click.
        as(cast.holderA(), () -> comments.reject(s.id()));
        assertThat(only(cast.holderA()).status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(section().text()).isEqualTo(changed);
    }

    @Test
    void onlyCoachesAndAdminsSuggestAndOnlyTheAuthorWithdraws() {
        as(cast.holderA(), () -> projects.inviteCoHolder(projectId, cast.holderB().getEmail()));
        assertThatThrownBy(() -> as(cast.holderA(), () -> comments.suggest(projectId, KEY, select(TEXT, "Réduire"), "Diminuer", null)))
                .isInstanceOf(ForbiddenException.class);
        CommentThread s = as(cast.coachAssigned(), () -> comments.suggest(projectId, KEY, select(TEXT, "Réduire"), "Diminuer", null));
        assertThatThrownBy(() -> as(cast.admin(), () -> comments.withdraw(s.id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(cast.holderA(), () -> comments.withdraw(s.id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(cast.holderA(), () -> comments.resolve(s.id()))).isInstanceOf(BusinessException.class);
        as(cast.coachAssigned(), () -> comments.withdraw(s.id()));
        assertThat(only(cast.holderB()).status()).isEqualTo(CommentStatus.WITHDRAWN);
        assertThat(section().text()).isEqualTo(TEXT);

        // A co-holder decides like the owner.
        CommentThread again = as(cast.coachAssigned(), () -> comments.suggest(projectId, KEY, select(TEXT, "Réduire"), "Diminuer", null));
        as(cast.holderB(), () -> comments.accept(again.id()));
        assertThat(section().text()).startsWith("Diminuer les réhospitalisations.");
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsSaved() {
        Account coach = cast.coachAssigned();
        assertThatThrownBy(() -> as(coach, () -> comments.comment(projectId, KEY, select(TEXT, "Réduire"), "   ")))
                .isInstanceOf(BusinessException.class).hasMessage("workspace.comment.error.empty");
        assertThatThrownBy(() -> as(coach, () -> comments.comment(projectId, KEY, select(TEXT, "Réduire"), "x".repeat(10_000))))
                .isInstanceOf(BusinessException.class).hasMessage("workspace.comment.error.too-long");
        assertThatThrownBy(() -> as(coach, () -> comments.comment(projectId, KEY, new Selection(500, 520, null), "Hors texte")))
                .isInstanceOf(BusinessException.class).hasMessage("workspace.comment.error.anchor-outside");
        assertThatThrownBy(() -> as(coach, () -> comments.comment(projectId, KEY, new Selection(0, 7, "Augmenter"), "Changé")))
                .isInstanceOf(BusinessException.class).hasMessage("workspace.comment.error.passage-changed");
        assertThatThrownBy(() -> as(coach, () -> comments.comment(projectId, KEY, new Selection(3, 3, ""), "Rien")))
                .isInstanceOf(BusinessException.class).hasMessage("workspace.comment.error.no-selection");
        assertThatThrownBy(() -> as(coach, () -> comments.suggest(projectId, KEY, select(TEXT, "Réduire"), "Réduire", null)))
                .isInstanceOf(BusinessException.class).hasMessage("workspace.suggestion.error.unchanged");
        assertThat(threads(coach, true)).isEmpty();
    }

    @Test
    void theSelectionIsFoundInTheServerTextNearWhereTheEditorHadIt() {
        // The editor is a few keystrokes behind: its offsets are off, its quote is still in the text.
        write(cast.holderA(), "Priorité : " + TEXT);
        CommentThread t = as(cast.holderA(), () -> comments.comment(projectId, KEY, select(TEXT, "les patients"), "Lesquels ?"));
        String now = section().text();
        assertThat(now.substring(t.from(), t.to())).isEqualTo("les patients");
        assertThat(t.from()).isEqualTo(now.indexOf("les patients"));
    }

    @Test
    void openWorkspacesHearOfEveryChangeAfterItIsCommitted() {
        List<CommentsChanged> heard = new CopyOnWriteArrayList<>();
        Runnable stop = bus.listen(projectId, heard::add);
        try {
            CommentThread t = as(cast.holderA(), () -> comments.comment(projectId, KEY, select(TEXT, "Réduire"), "Combien ?"));
            as(cast.coachAssigned(), () -> comments.reply(t.id(), "20 %"));
            as(cast.coachAssigned(), () -> comments.resolve(t.id()));
            assertThat(heard).hasSize(3).allMatch(e -> e.projectId() == projectId && e.key() == KEY);
        } finally {
            stop.run();
        }
        as(cast.holderA(), () -> comments.comment(projectId, KEY, select(TEXT, "Réduire"), "Après"));
        assertThat(heard).hasSize(3);
    }

    @Test
    void aSelectionInAnEmptySectionIsOutsideTheText() {
        Project other = fixtures.projectOf(cast.holderA(), "Lettre vierge");
        assertThatThrownBy(() -> as(cast.holderA(), () -> comments.comment(other.getId(), SectionKey.DUREE, new Selection(0, 3, null), "Vide")))
                .isInstanceOf(BusinessException.class).hasMessage("workspace.comment.error.anchor-outside");
    }

    @Test
    void theJsonApiListsCommentsAndRepliesUnderTheSameRules() throws Exception {
        String url = "/api/projects/" + projectId + "/letter/comments";
        String created = mvc.perform(post(url).with(httpBasic(cast.coachAssigned().getEmail(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"section\":\"objectifs\",\"from\":0,\"to\":7,\"body\":\"Chiffrer ?\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.quote").value("Réduire"))
                .andExpect(jsonPath("$.author").value(cast.coachAssigned().getDisplayName()))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        mvc.perform(post(url + "/" + id + "/replies").with(httpBasic(cast.holderA().getEmail(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"De 20 %\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.replies[0].body").value("De 20 %"));
        mvc.perform(get(url).with(httpBasic(cast.admin().getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].section").value("objectifs"));
        mvc.perform(post(url).with(httpBasic(cast.holderA().getEmail(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"section\":\"objectifs\",\"from\":0,\"to\":7,\"body\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("Le commentaire est vide")));
        mvc.perform(get(url).with(httpBasic(cast.coachOther().getEmail(), Fixtures.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(post(url).with(httpBasic(cast.holderB().getEmail(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"section\":\"objectifs\",\"from\":0,\"to\":7,\"body\":\"Intrus\"}"))
                .andExpect(status().isNotFound());
        // A thread of this project is not reachable under another project's address.
        long otherProject = fixtures.projectOf(cast.holderA(), "Autre lettre").getId();
        mvc.perform(post("/api/projects/" + otherProject + "/letter/comments/" + id + "/replies")
                        .with(httpBasic(cast.holderA().getEmail(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Ailleurs\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
    }
}
