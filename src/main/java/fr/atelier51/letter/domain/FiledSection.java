package fr.atelier51.letter.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

/** One section of a filed letter, as it was written when the owner filed. */
@Embeddable
public class FiledSection {

    @Column(name = "section_key", nullable = false, length = 40)
    private String key;

    @Column(nullable = false, length = 200)
    private String heading;

    @Lob
    @Column(nullable = false)
    private String body;

    protected FiledSection() {
    }

    public FiledSection(String key, String heading, String body) {
        this.key = key;
        this.heading = heading;
        this.body = body == null ? "" : body;
    }

    public String getKey() { return key; }
    public String getHeading() { return heading; }
    public String getBody() { return body; }
}
