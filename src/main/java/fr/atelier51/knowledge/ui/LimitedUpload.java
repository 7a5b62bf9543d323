package fr.atelier51.knowledge.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an upload in the request thread, stopping at the size limit, then runs the callback in the UI's lock.
 * A client that ignores the component's limit is refused without the server holding more than the limit.
 */
final class LimitedUpload implements UploadHandler {

    /** What to do with a complete upload. */
    @FunctionalInterface
    interface Received extends java.io.Serializable {
        void accept(String fileName, byte[] bytes);
    }

    private final long maxBytes;
    private final Received received;

    LimitedUpload(long maxBytes, Received received) {
        this.maxBytes = maxBytes;
        this.received = received;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean tooLarge = false;
        try (InputStream in = event.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBytes) {
                    tooLarge = true;
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        String fileName = event.getFileName();
        byte[] bytes = tooLarge ? null : out.toByteArray();
        if (tooLarge) {
            event.reject();
        }
        UI ui = event.getUI();
        ui.access(() -> {
            if (bytes == null) {
                findView(ui).ifPresent(KnowledgeAdminView::tooLarge);
            } else {
                received.accept(fileName, bytes);
            }
        });
    }

    private static java.util.Optional<KnowledgeAdminView> findView(UI ui) {
        return ui.getCurrentView() instanceof KnowledgeAdminView v ? java.util.Optional.of(v) : java.util.Optional.empty();
    }
}
