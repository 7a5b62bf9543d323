package fr.atelier51.knowledge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One searchable, citable part of an uploaded document: a page of a PDF, a heading section otherwise. */
@Entity
@Table(name = "knowledge_upload_passage")
public class UploadPassage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "upload_id", nullable = false)
    private Long uploadId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 100)
    private String anchor;

    @Column(nullable = false, length = 500)
    private String heading;

    @Lob
    @Column(nullable = false)
    private String text;

    protected UploadPassage() {
    }

    public UploadPassage(Long uploadId, int position, String anchor, String heading, String text) {
        this.uploadId = uploadId;
        this.position = position;
        this.anchor = anchor;
        this.heading = heading.length() > 500 ? heading.substring(0, 500) : heading;
        this.text = text;
    }

    public Long getUploadId() {
        return uploadId;
    }

    public int getPosition() {
        return position;
    }

    public String getAnchor() {
        return anchor;
    }

    public String getHeading() {
        return heading;
    }

    public String getText() {
        return text;
    }
}
