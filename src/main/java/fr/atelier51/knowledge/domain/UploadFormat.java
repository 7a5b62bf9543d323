package fr.atelier51.knowledge.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The document formats an admin or a coach may upload to the knowledge base, recognised by file extension. */
public enum UploadFormat {
    PDF(List.of("pdf")),
    DOCX(List.of("docx")),
    HTML(List.of("html", "htm")),
    MARKDOWN(List.of("md", "markdown")),
    TEXT(List.of("txt"));

    private final List<String> extensions;

    UploadFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    public List<String> extensions() {
        return extensions;
    }

    public static Optional<UploadFormat> ofFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extensions.contains(ext)).findFirst();
    }

    /** For the upload component: ".pdf", ".docx", … */
    public static String[] acceptedExtensions() {
        return Arrays.stream(values()).flatMap(f -> f.extensions.stream()).map(e -> "." + e).toArray(String[]::new);
    }
}
