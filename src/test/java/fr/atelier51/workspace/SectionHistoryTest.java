package fr.atelier51.workspace;

import fr.atelier51.account.domain.Account;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.LetterSection;
import fr.atelier51.workspace.domain.LetterSectionRepository;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.HistoryPage;
import fr.atelier51.workspace.service.HistorySession;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.SectionHistoryService;
import fr.atelier51.workspace.service.TextDiff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A section's history: editing sessions, paging, diffs, restore through the live merge, and who may do what. */
@IntegrationTest
class SectionHistoryTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    LetterService letters;
    @Autowired
    SectionHistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LetterSectionRepository sections;

    Fixtures.Cast cast;
    Project project;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Lettre historique");
        project = cast.project();
    }

    private long write(Account who, SectionKey key, String text) {
        return as(who, () -> {
            long base = letters.letter(project.getId()).get(key.ordinal()).version();
            return letters.write(project.getId(), key, base, text, ChangeKind.API).version();
        });
    }

    /** Moves a change back in time, as if it had been typed then. */
    private void at(SectionKey key, long version, Instant when) {
        jdbc.update("update section_change set created_at = ? where version = ? and section_id = "
                        + "(select id from letter_section where project_id = ? and section_key = ?)",
                Timestamp.from(when), version, project.getId(), key.key());
    }

    @Test
    void changesGroupIntoSessionsByPersonKindAndPause() {
        SectionKey key = SectionKey.CONTEXTE;
        Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
        write(cast.holderA(), key, "Les patients");                              // 1 ┐ Alice, morning
        write(cast.holderA(), key, "Les patients sortent");                      // 2 │
        write(cast.holderA(), key, "Les patients sortent trop tôt.");            // 3 ┘
        write(cast.coachAssigned(), key, "Les patients âgés sortent trop tôt."); // 4 — Coralie
        write(cast.holderA(), key, "Les patients âgés sortent trop tôt. Ils reviennent."); // 5 — Alice, after lunch
        at(key, 1, t0);
        at(key, 2, t0.plusSeconds(60));
        at(key, 3, t0.plus(Duration.ofMinutes(5)).plusSeconds(60)); // a pause of exactly five minutes still joins
        at(key, 4, t0.plus(Duration.ofMinutes(7)));
        at(key, 5, t0.plus(Duration.ofHours(4)));

        HistoryPage page = as(cast.holderA(),
                () -> history.sessions(project.getId(), key, Long.MAX_VALUE, 10));
        assertThat(page.currentVersion()).isEqualTo(5);
        assertThat(page.hasMore()).isFalse();
        List<HistorySession> s = page.sessions();
        assertThat(s).extracting(HistorySession::fromVersion).containsExactly(5L, 4L, 1L);
        assertThat(s).extracting(HistorySession::toVersion).containsExactly(5L, 4L, 3L);
        assertThat(s).extracting(HistorySession::authorName).containsExactly("Alice", "Coralie", "Alice");
        assertThat(s.get(2).changes()).isEqualTo(3);
        assertThat(s.get(2).start()).isEqualTo(t0);
        assertThat(s.get(2).inserted()).isEqualTo("Les patients sortent trop tôt.".length());
        assertThat(s.get(1).inserted()).isEqualTo("âgés ".length());
        assertThat(s.get(0).kind()).isEqualTo(ChangeKind.API);
        assertThat(s.get(0).afterFiling()).isFalse();

        // Six minutes of silence splits Alice's morning into two sessions.
        at(key, 3, t0.plus(Duration.ofMinutes(7)).plusSeconds(1));
        at(key, 4, t0.plus(Duration.ofMinutes(8)));
        assertThat(as(cast.holderA(), () -> history.sessions(project.getId(), key, Long.MAX_VALUE, 10)).sessions())
                .extracting(HistorySession::toVersion).containsExactly(5L, 4L, 3L, 2L);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        SectionKey key = SectionKey.OBJECTIFS;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            text.append("Objectif ").append(i).append(". ");
            write(i % 2 == 0 ? cast.holderA() : cast.coachAssigned(), key, text.toString());
        }
        List<Long> seen = new ArrayList<>();
        long before = Long.MAX_VALUE;
        int pages = 0;
        do {
            long cursor = before;
            HistoryPage page = as(cast.coachAssigned(), () -> history.sessions(project.getId(), key, cursor, 3));
            assertThat(page.sessions()).hasSizeLessThanOrEqualTo(3);
            page.sessions().forEach(s -> seen.add(s.toVersion()));
            before = page.nextBefore();
            pages++;
        } while (before > 0);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void anyTwoVersionsCompareAsReadableWordsAndAnyVersionReads() {
        SectionKey key = SectionKey.POPULATION;
        write(cast.holderA(), key, "Patients de plus de 75 ans sortant d’hospitalisation.");
        write(cast.holderA(), key, "Patients de plus de 70 ans sortant d’hospitalisation, vivant seuls.");
        TextDiff diff = as(cast.admin(), () -> history.diff(project.getId(), key, 1, 2));
        // Semantic cleanup: whole words, not "7", "5" → "0" scattered letters.
        assertThat(diff.parts()).contains(new TextDiff.Part(TextDiff.Kind.REMOVED, "5"), new TextDiff.Part(TextDiff.Kind.ADDED, "0"));
        assertThat(diff.parts()).contains(new TextDiff.Part(TextDiff.Kind.ADDED, ", vivant seuls"));
        String rebuilt = diff.parts().stream().filter(p -> p.kind() != TextDiff.Kind.REMOVED).map(TextDiff.Part::text)
                .reduce("", String::concat);
        assertThat(rebuilt).isEqualTo("Patients de plus de 70 ans sortant d’hospitalisation, vivant seuls.");
        assertThat(as(cast.holderA(), () -> history.textAt(project.getId(), key, 0))).isEmpty();
        assertThat(as(cast.holderA(), () -> history.textAt(project.getId(), key, 1))).startsWith("Patients de plus de 75");
        assertThatThrownBy(() -> as(cast.holderA(), () -> history.diff(project.getId(), key, 0, 9)))
                .isInstanceOf(BusinessException.class).hasMessage("workspace.error.unknown-version");
    }

    @Test
    void aRestoreIsANewChangeByTheRestorerThatLiveEditorsConvergeOn() {
        SectionKey key = SectionKey.DESCRIPTION;
        write(cast.holderA(), key, "Un parcours en trois étapes.");
        LetterService.EditorSession alice = as(cast.holderA(), () -> letters.open(project.getId(), key, () -> { }));
        LetterService.EditorSession coralie = as(cast.coachAssigned(), () -> letters.open(project.getId(), key, () -> { }));
        SyncClient a = new SyncClient(alice.startText());
        SyncClient c = new SyncClient(coralie.startText());
        a.text = "Un parcours en quatre étapes, coordonné par l’infirmière.";
        assertThat(a.receive(alice.sync(a.prepare()))).isTrue();
        c.receive(coralie.sync(c.prepare()));
        assertThat(c.text).isEqualTo(a.text);

        var restored = as(cast.coachAssigned(), () -> history.restore(project.getId(), key, 1));
        assertThat(restored.text()).isEqualTo("Un parcours en trois étapes.");
        for (int round = 0; round < 2; round++) {
            a.receive(alice.sync(a.prepare()));
            c.receive(coralie.sync(c.prepare()));
        }
        assertThat(a.text).isEqualTo("Un parcours en trois étapes.");
        assertThat(c.text).isEqualTo(a.text);
        HistorySession last = as(cast.holderA(), () -> history.sessions(project.getId(), key, Long.MAX_VALUE, 5)).sessions().getFirst();
        assertThat(last.kind()).isEqualTo(ChangeKind.RESTORE);
        assertThat(last.authorName()).isEqualTo("Coralie");
        assertThat(last.toVersion()).isEqualTo(restored.version());
        // Nothing to restore when the text is already that version's.
        assertThatThrownBy(() -> as(cast.holderA(), () -> history.restore(project.getId(), key, 1)))
                .isInstanceOf(BusinessException.class).hasMessage("history.error.same-text");
        alice.close();
        coralie.close();
    }

    @Test
    void theStartingTextFilledInByTheAssistantIsVersionZeroAndCanBeRestored() {
        SectionKey key = SectionKey.TERRITOIRE;
        // As the assistant's pre-fill does when the letter is first opened.
        sections.save(new LetterSection(project.getId(), key, "Région Occitanie."));
        write(cast.holderA(), key, "Régions Occitanie et Nouvelle-Aquitaine.");
        assertThat(as(cast.holderA(), () -> history.textAt(project.getId(), key, 0))).isEqualTo("Région Occitanie.");
        TextDiff diff = as(cast.holderA(), () -> history.diff(project.getId(), key, 0, 1));
        assertThat(diff.parts()).contains(new TextDiff.Part(TextDiff.Kind.ADDED, " et Nouvelle-Aquitaine"));
        assertThat(as(cast.holderA(), () -> history.restore(project.getId(), key, 0)).text()).isEqualTo("Région Occitanie.");
    }

    @Test
    void readersReadOnlyEditorsRestoreOutsidersSeeNothing() {
        SectionKey key = SectionKey.IMPACTS;
        write(cast.holderA(), key, "Moins de réhospitalisations.");
        write(cast.coachAssigned(), key, "Moins de réhospitalisations et de passages aux urgences.");
        long id = project.getId();
        for (Account reader : List.of(cast.holderA(), cast.coachAssigned(), cast.admin())) {
            assertThat(as(reader, () -> history.sessions(id, key, Long.MAX_VALUE, 10)).sessions()).hasSize(2);
            assertThat(as(reader, () -> history.diff(id, key, 1, 2)).added()).isPositive();
        }
        assertThatThrownBy(() -> as(cast.admin(), () -> history.restore(id, key, 1))).isInstanceOf(ForbiddenException.class);
        for (Account outsider : List.of(cast.holderB(), cast.coachOther())) {
            assertThatThrownBy(() -> as(outsider, () -> history.sessions(id, key, Long.MAX_VALUE, 10))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(outsider, () -> history.textAt(id, key, 1))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(outsider, () -> history.restore(id, key, 1))).isInstanceOf(NotFoundException.class);
        }
        assertThat(as(cast.holderA(), () -> history.restore(id, key, 1)).text()).isEqualTo("Moins de réhospitalisations.");
    }
}
