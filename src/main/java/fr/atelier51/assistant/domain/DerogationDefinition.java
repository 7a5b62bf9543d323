package fr.atelier51.assistant.domain;

/**
 * One derogable provision of L.162-31-1 II.
 *
 * @param code         stable key, e.g. {@code II-1-a}
 * @param reference    legal reference as written for holders, e.g. {@code L.162-31-1 II 1° a)}
 * @param title        what the rule is about
 * @param explanation  what the derogation allows, in plain French
 * @param hasOpinion   an HAS opinion is required first (R.162-50-8: II 2° b, c, d, e, j)
 * @param organisation II 2° items: allowed only when indispensable
 */
public record DerogationDefinition(String code, String reference, String title, String explanation,
                                   boolean hasOpinion, boolean organisation) {
}
