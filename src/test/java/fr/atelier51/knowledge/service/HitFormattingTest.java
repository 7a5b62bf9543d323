package fr.atelier51.knowledge.service;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written hit formatting agrees with the library it replaced. */
class HitFormattingTest {

    @Test
    void frenchDatesMatchTheFormatterEveryDayOverCenturies() {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        for (LocalDate d = LocalDate.of(1945, 1, 1); d.isBefore(LocalDate.of(3001, 1, 1)); d = d.plusDays(1)) {
            assertThat(KnowledgeSearchService.frDate(d)).isEqualTo(formatter.format(d));
        }
        assertThat(KnowledgeSearchService.frDate(LocalDate.of(2999, 1, 1))).isEqualTo("01/01/2999");
    }

    @Test
    void storedDatesAreReadOrRefused() {
        assertThat(KnowledgeSearchService.date("2025-01-01")).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(KnowledgeSearchService.date("2025-02-30")).isNull();
        assertThat(KnowledgeSearchService.date("2025-1-01")).isNull();
        assertThat(KnowledgeSearchService.date("")).isNull();
        assertThat(KnowledgeSearchService.date(null)).isNull();
    }
}
