package fr.atelier51.workspace;

import fr.atelier51.account.domain.Account;
import fr.atelier51.project.domain.Project;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In-memory sections leave memory a grace period after their last editor left, and nothing is lost: the next editor
 * (or API write) starts from the database, at the same text and version.
 */
@IntegrationTest
@TestPropertySource(properties = "atelier51.workspace.live-grace=300ms")
class LiveSectionEvictionTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    LetterService letters;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Account holder;
    Account coach;
    Project project;

    @BeforeEach
    void setUp() {
        Fixtures.Cast cast = fixtures.cast("Éviction");
        holder = cast.holderA();
        coach = cast.coachAssigned();
        project = cast.project();
    }

    @Test
    void aSectionLeavesMemoryAfterItsLastEditorAndComesBackIntact() throws Exception {
        int before = letters.liveSectionCount();
        LetterService.EditorSession first = as(holder, () -> letters.open(project.getId(), SectionKey.CONTEXTE, () -> { }));
        LetterService.EditorSession second = as(coach, () -> letters.open(project.getId(), SectionKey.CONTEXTE, () -> { }));
        SyncClient client = new SyncClient(first.startText());
        client.text = "Les patients sortent trop tôt.";
        assertThat(client.receive(first.sync(client.prepare()))).isTrue();
        assertThat(letters.liveSectionCount()).isEqualTo(before + 1);

        // One editor leaves: the other still edits, the section stays however long we wait.
        first.close();
        TimeUnit.MILLISECONDS.sleep(700);
        assertThat(letters.liveSectionCount()).isEqualTo(before + 1);
        SyncClient coachClient = new SyncClient(second.startText());
        assertThat(coachClient.receive(second.sync(coachClient.prepare()))).isTrue();
        assertThat(coachClient.text).isEqualTo("Les patients sortent trop tôt.");

        // The last one leaves: gone after the grace period, everything still there when someone comes back.
        second.close();
        await(() -> letters.liveSectionCount() == before);
        LetterService.EditorSession again = as(holder, () -> letters.open(project.getId(), SectionKey.CONTEXTE, () -> { }));
        assertThat(again.startText()).isEqualTo("Les patients sortent trop tôt.");
        assertThat(again.startVersion()).isEqualTo(1);
        again.close();

        // An API write to an evicted section goes to the database's version, merged as usual.
        await(() -> letters.liveSectionCount() == before);
        var merged = as(holder, () -> letters.write(project.getId(), SectionKey.CONTEXTE, 1,
                "Les patients âgés sortent trop tôt.", ChangeKind.EDIT));
        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.text()).isEqualTo("Les patients âgés sortent trop tôt.");
    }

    @Test
    void theWholeTextIsWrittenNowAndThenAndALoadReplaysTheChangesAfterIt() throws Exception {
        int before = letters.liveSectionCount();
        LetterService.EditorSession session = as(holder, () -> letters.open(project.getId(), SectionKey.DESCRIPTION, () -> { }));
        SyncClient client = new SyncClient(session.startText());
        for (String text : new String[]{"Une équipe mobile.", "Une équipe mobile de gériatrie.",
                "Une équipe mobile de gériatrie intervient à domicile."}) {
            client.text = text;
            assertThat(client.receive(session.sync(client.prepare()))).isTrue();
        }
        // version 1 is a snapshot (text written whole); 2 and 3 only as change rows
        assertThat(row()).containsExactly("Une équipe mobile.", 1L, 3L);

        // leaving memory writes the whole text
        session.close();
        await(() -> letters.liveSectionCount() == before);
        assertThat(row()).containsExactly("Une équipe mobile de gériatrie intervient à domicile.", 3L, 3L);

        // as after a crash before that write: the row is back at version 1, the load replays versions 2 and 3
        jdbc.update("update letter_section set body = 'Une équipe mobile.', body_version = 1 where project_id = ? "
                + "and section_key = 'description'", project.getId());
        LetterService.EditorSession again = as(holder, () -> letters.open(project.getId(), SectionKey.DESCRIPTION, () -> { }));
        assertThat(again.startText()).isEqualTo("Une équipe mobile de gériatrie intervient à domicile.");
        assertThat(again.startVersion()).isEqualTo(3);
        again.close();
        assertThat(as(holder, () -> letters.letter(project.getId())).get(SectionKey.DESCRIPTION.ordinal()).text())
                .isEqualTo("Une équipe mobile de gériatrie intervient à domicile.");
    }

    private Object[] row() {
        return jdbc.queryForObject("select body, body_version, version from letter_section where project_id = ? "
                + "and section_key = 'description'", (rs, n) -> new Object[]{rs.getString(1), rs.getLong(2), rs.getLong(3)},
                project.getId());
    }

    @Test
    void comingBackWithinTheGracePeriodKeepsTheSameLiveSection() throws Exception {
        LetterService.EditorSession first = as(holder, () -> letters.open(project.getId(), SectionKey.OBJECTIFS, () -> { }));
        int live = letters.liveSectionCount();
        first.close();
        // A reload: the editor comes back at once, and keeps the section through the eviction that was scheduled.
        LetterService.EditorSession reloaded = as(holder, () -> letters.open(project.getId(), SectionKey.OBJECTIFS, () -> { }));
        TimeUnit.MILLISECONDS.sleep(700);
        assertThat(letters.liveSectionCount()).isEqualTo(live);
        SyncClient client = new SyncClient(reloaded.startText());
        client.text = "Réduire les réhospitalisations.";
        assertThat(client.receive(reloaded.sync(client.prepare()))).isTrue();
        assertThat(client.broken).isFalse();
        reloaded.close();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
