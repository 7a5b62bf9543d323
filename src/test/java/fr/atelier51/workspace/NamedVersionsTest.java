package fr.atelier51.workspace;

import fr.atelier51.account.domain.Account;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.NamedVersion;
import fr.atelier51.workspace.domain.NamedVersionKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.HistoryPage;
import fr.atelier51.workspace.service.HistorySession;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.NamedVersionService;
import fr.atelier51.workspace.service.SectionHistoryService;
import fr.atelier51.workspace.service.SectionState;
import fr.atelier51.workspace.service.TextDiff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Named versions of the letter: by hand, automatically on review and filing, and the post-filing label. */
@IntegrationTest
class NamedVersionsTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    LetterService letters;
    @Autowired
    NamedVersionService named;
    @Autowired
    SectionHistoryService history;
    @Autowired
    ProjectWorkflow workflow;

    Fixtures.Cast cast;
    long id;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Lettre nommée");
        id = cast.project().getId();
    }

    private void write(Account who, SectionKey key, String text) {
        as(who, () -> {
            long base = letters.letter(id).get(key.ordinal()).version();
            letters.write(id, key, base, text, ChangeKind.API);
        });
    }

    private String textOf(List<SectionState> letter, SectionKey key) {
        return letter.stream().filter(s -> s.key() == key).findFirst().orElseThrow().text();
    }

    @Test
    void aNamedVersionKeepsEverySectionAndComparesWithNow() {
        write(cast.holderA(), SectionKey.CONTEXTE, "Constat initial.");
        write(cast.holderA(), SectionKey.OBJECTIFS, "Objectif initial.");
        NamedVersion v = as(cast.holderA(), () -> named.name(id, "  Envoyée au coach   le 3 mars "));
        assertThat(v.getName()).isEqualTo("Envoyée au coach le 3 mars");
        write(cast.coachAssigned(), SectionKey.CONTEXTE, "Constat initial, chiffré.");

        List<SectionState> then = as(cast.admin(), () -> named.textOf(id, v.getId()));
        assertThat(then).hasSize(15);
        assertThat(textOf(then, SectionKey.CONTEXTE)).isEqualTo("Constat initial.");
        assertThat(textOf(then, SectionKey.OBJECTIFS)).isEqualTo("Objectif initial.");
        Map<SectionKey, TextDiff> diff = as(cast.coachAssigned(), () -> named.diffWithNow(id, v.getId()));
        assertThat(diff).containsOnlyKeys(SectionKey.CONTEXTE);
        assertThat(diff.get(SectionKey.CONTEXTE).parts()).contains(new TextDiff.Part(TextDiff.Kind.ADDED, ", chiffré"));

        var list = as(cast.coachAssigned(), () -> named.list(id));
        assertThat(list).singleElement().satisfies(e -> {
            assertThat(e.authorName()).isEqualTo("Alice");
            assertThat(e.version().getKind()).isEqualTo(NamedVersionKind.MANUAL);
        });
        // The history marks the session that the named version ends.
        HistorySession marked = as(cast.holderA(), () -> history.sessions(id, SectionKey.CONTEXTE, Long.MAX_VALUE, 10))
                .sessions().get(1);
        assertThat(marked.named()).extracting(NamedVersion::getId).containsExactly(v.getId());
    }

    @Test
    void badNamesAreRefusedInFrenchKeysAndNothingIsSaved() {
        assertThatThrownBy(() -> as(cast.holderA(), () -> named.name(id, "   "))).isInstanceOf(BusinessException.class)
                .hasMessage("history.error.name-required");
        assertThatThrownBy(() -> as(cast.holderA(), () -> named.name(id, "x".repeat(201)))).isInstanceOf(BusinessException.class)
                .hasMessage("history.error.name-too-long");
        assertThat(as(cast.holderA(), () -> named.list(id))).isEmpty();
    }

    @Test
    void editorsNameReadersReadOutsidersSeeNothing() {
        NamedVersion mine = as(cast.coachAssigned(), () -> named.name(id, "Relue par la coach"));
        assertThatThrownBy(() -> as(cast.admin(), () -> named.name(id, "Admin"))).isInstanceOf(ForbiddenException.class);
        assertThat(as(cast.admin(), () -> named.list(id))).hasSize(1);
        for (Account outsider : List.of(cast.holderB(), cast.coachOther())) {
            assertThatThrownBy(() -> as(outsider, () -> named.list(id))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(outsider, () -> named.name(id, "Intrus"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(outsider, () -> named.textOf(id, mine.getId()))).isInstanceOf(NotFoundException.class);
        }
        // Another project's named version is not found through this one.
        Fixtures.Cast other = fixtures.cast("Autre lettre");
        assertThatThrownBy(() -> as(other.holderA(), () -> named.textOf(other.project().getId(), mine.getId())))
                .isInstanceOf(NotFoundException.class).hasMessage("history.error.named-not-found");
    }

    @Test
    void reviewAndFilingNameTheLetterAndLaterChangesAreAfterFiling() {
        SectionKey key = SectionKey.FINANCEMENT;
        write(cast.holderA(), key, "FISS : 120 000 €.");
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        write(cast.coachAssigned(), key, "FISS : 120 000 €. FIR : 30 000 €.");
        as(cast.coachAssigned(), () -> workflow.apply(id, StatusChange.of(Transition.VALIDATE)));
        LocalDate filedOn = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(2);
        as(cast.holderA(), () -> workflow.apply(id, new StatusChange(Transition.FILE, null, filedOn, "ARS Occitanie")));
        write(cast.holderA(), key, "FISS : 125 000 €. FIR : 30 000 €.");

        var list = as(cast.coachAssigned(), () -> named.list(id));
        assertThat(list).extracting(e -> e.version().getKind())
                .containsExactly(NamedVersionKind.FILED, NamedVersionKind.REVIEW_REQUESTED);
        NamedVersion filed = list.get(0).version();
        NamedVersion review = list.get(1).version();
        assertThat(filed.getEventDate()).isEqualTo(filedOn);
        assertThat(review.getEventDate()).isEqualTo(LocalDate.now(ZoneId.of("Europe/Paris")));
        assertThat(filed.versionOf(key)).isEqualTo(2);
        assertThat(review.versionOf(key)).isEqualTo(1);
        assertThat(list).extracting(NamedVersionService.Entry::authorName).containsExactly("Alice", "Alice");
        assertThat(textOf(as(cast.holderA(), () -> named.textOf(id, review.getId())), key)).isEqualTo("FISS : 120 000 €.");
        assertThat(as(cast.holderA(), () -> named.lastFiling(id))).map(NamedVersion::getId).contains(filed.getId());

        HistoryPage page = as(cast.holderA(), () -> history.sessions(id, key, Long.MAX_VALUE, 10));
        assertThat(page.filedVersion()).isEqualTo(2);
        assertThat(page.sessions()).extracting(HistorySession::toVersion).containsExactly(3L, 2L, 1L);
        assertThat(page.sessions()).extracting(HistorySession::afterFiling).containsExactly(true, false, false);
        assertThat(page.sessions().get(1).named()).extracting(NamedVersion::getKind).containsExactly(NamedVersionKind.FILED);
    }
}
