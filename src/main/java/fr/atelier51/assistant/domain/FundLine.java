package fr.atelier51.assistant.domain;

public record FundLine(Fund fund, String explanation) {
}
