package fr.atelier51.knowledge.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.knowledge.domain.KnowledgeUpload;
import fr.atelier51.knowledge.domain.UploadFormat;
import fr.atelier51.knowledge.service.KnowledgeAdminService;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import fr.atelier51.knowledge.service.KnowledgeUploadService;
import fr.atelier51.knowledge.service.KnowledgeUploadService.UploadInfo;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Admins and coaches manage the uploaded documents of the knowledge base (add, replace, remove) and see the
 * index; admins can rebuild it, with a progress bar refreshed by polling while the job runs. Uploads are extracted
 * and indexed in the background: each document shows its state (en cours, indexé, échec and why), pushed live.
 */
@Route("admin/knowledge")
@PageTitle("Base de connaissances — administration")
@Menu(order = 80, icon = "vaadin:upload", title = "nav.knowledge-admin")
@RolesAllowed({"ADMIN", "COACH"})
public class KnowledgeAdminView extends VerticalLayout {

    private static final int POLL_MS = 500;

    private final KnowledgeUploadService uploads;
    private final KnowledgeAdminService admin;
    private final DateTimeFormatter dates;

    final Grid<UploadInfo> grid = new Grid<>(UploadInfo.class, false);
    final TextField title = new TextField();
    final Upload upload = new Upload();
    final Paragraph uploadStatus = new Paragraph();
    final Paragraph indexStatus = new Paragraph();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Button reindex = new Button();
    private Registration polling;

    public KnowledgeAdminView(KnowledgeUploadService uploads, KnowledgeAdminService admin) {
        this.uploads = uploads;
        this.admin = admin;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Paris"));
        setMaxWidth("80em");

        title.setLabel(getTranslation("knowledge.admin.upload.title"));
        title.setHelperText(getTranslation("knowledge.admin.upload.title-help"));
        title.setMaxLength(300);
        title.setWidth("30em");
        title.setId("upload-title");
        // synced as typed: the upload starts without the field losing focus, and must see the title
        title.setValueChangeMode(ValueChangeMode.EAGER);
        configure(upload, null);
        upload.setId("upload");
        uploadStatus.setId("upload-status");

        grid.setId("uploads-grid");
        grid.addComponentColumn(u -> new Anchor("knowledge/uploads/" + u.id(), u.title()))
                .setHeader(getTranslation("knowledge.admin.col.title")).setFlexGrow(3);
        grid.addColumn(u -> u.fileName() + " (" + size(u.sizeBytes()) + ")").setHeader(getTranslation("knowledge.admin.col.file")).setFlexGrow(2);
        grid.addColumn(UploadInfo::passages).setHeader(getTranslation("knowledge.admin.col.passages"));
        grid.addComponentColumn(this::state).setKey("state").setHeader(getTranslation("knowledge.admin.col.state")).setFlexGrow(3);
        grid.addColumn(u -> getTranslation("knowledge.admin.by-on", u.addedBy(), dates.format(u.addedAt())))
                .setHeader(getTranslation("knowledge.admin.col.added")).setFlexGrow(2);
        grid.addColumn(u -> u.revision() <= 1 ? "" : getTranslation("knowledge.admin.by-on", u.updatedBy(), dates.format(u.updatedAt())))
                .setHeader(getTranslation("knowledge.admin.col.replaced")).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("knowledge.admin.col.actions")).setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // failure reasons are sentences

        indexStatus.setId("index-status");
        progress.setId("index-progress");
        progress.setWidth("30em");
        reindex.setText(getTranslation("knowledge.admin.reindex"));
        reindex.setId("reindex");
        reindex.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reindex.addClickListener(e -> startReindex());
        reindex.setVisible(admin.canReindex());

        add(new H2(getTranslation("knowledge.admin.heading")),
                new H3(getTranslation("knowledge.admin.uploads")),
                new Paragraph(getTranslation("knowledge.admin.upload.help", uploads.maxMegabytes())),
                title, upload, uploadStatus, grid,
                new H3(getTranslation("knowledge.admin.index")), indexStatus, progress, reindex);
        refreshList();
        refreshIndex();
        if (admin.status().building()) {
            startPolling();
        }
    }

    /** An upload component that reads at most the size limit (the client checks it too) and hands the bytes over. */
    private void configure(Upload component, Long replaceId) {
        component.setMaxFiles(1);
        component.setMaxFileSize((int) uploads.maxBytes());
        component.setAcceptedFileTypes(UploadFormat.acceptedExtensions());
        component.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("knowledge.admin.upload.add")).setMany(getTranslation("knowledge.admin.upload.add")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("knowledge.admin.upload.drop")).setMany(getTranslation("knowledge.admin.upload.drop")))
                .setError(new UploadI18N.Error().setTooManyFiles(getTranslation("knowledge.admin.upload.one-file"))
                        .setFileIsTooBig(getTranslation("knowledge.upload.error.too-large", uploads.maxMegabytes()))
                        .setIncorrectFileType(getTranslation("knowledge.upload.error.format", "…")))
                .setUnits(List.of("o", "Ko", "Mo", "Go", "To", "Po", "Eo", "Zo", "Yo")));
        component.addFileRejectedListener(e -> showError(getTranslation("knowledge.upload.error.rejected", e.getErrorMessage())));
        component.setUploadHandler(new LimitedUpload(uploads.maxBytes(), (fileName, bytes) -> {
            if (replaceId == null) {
                receive(title.getValue(), fileName, bytes);
            } else {
                receiveReplacement(replaceId, fileName, bytes);
            }
            component.clearFileList();
        }));
    }

    /**
     * Adds a document (called with the uploaded bytes, in the UI's lock): quick checks answer at once, then the
     * document is "en cours" and its extraction runs in the background; its end is pushed to this page.
     */
    void receive(String titleValue, String fileName, byte[] bytes) {
        handle(() -> {
            UploadInfo added = uploads.upload(titleValue, fileName, bytes);
            waiting.put(added.id(), false);
            title.clear();
            return getTranslation("knowledge.admin.upload.queued", added.title());
        });
    }

    void receiveReplacement(long id, String fileName, byte[] bytes) {
        handle(() -> {
            UploadInfo replaced = uploads.replace(id, null, fileName, bytes);
            waiting.put(replaced.id(), true);
            return getTranslation("knowledge.admin.replace.queued", replaced.title(), fileName);
        });
    }

    /** Documents this page uploaded and waits for (id → is a replacement), to tell the uploader how it ended. */
    private final java.util.Map<Long, Boolean> waiting = new java.util.HashMap<>();
    private Runnable stateListener;

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        // the background thread has no signed-in user: the page's own is used for its reads
        SecurityContext context = SecurityContextHolder.getContext();
        stateListener = uploads.onStateChange(id -> {
            try {
                ui.access(() -> DelegatingSecurityContextRunnable.create(() -> stateChanged(id), context).run());
            } catch (UIDetachedException e) {
                // the page was closed meanwhile; the admin page shows the state next time
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stateListener != null) {
            stateListener.run();
            stateListener = null;
        }
        super.onDetach(event);
    }

    /** A document's background processing ended or moved on (pushed, in the UI's lock). */
    void stateChanged(long id) {
        refreshList();
        Boolean replacement = waiting.get(id);
        if (replacement == null) {
            return;
        }
        uploads.find(id).filter(u -> u.status() != KnowledgeUpload.Status.PENDING).ifPresent(u -> {
            waiting.remove(id);
            if (u.status() == KnowledgeUpload.Status.INDEXED) {
                String message = getTranslation(replacement ? "knowledge.admin.replace.done" : "knowledge.admin.upload.done",
                        u.title(), u.passages());
                uploadStatus.setText(message);
                uploadStatus.removeClassName("error");
                Notification.show(message).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } else {
                showError(getTranslation("knowledge.admin.upload.failed", u.title(), reason(u)));
            }
        });
    }

    private String reason(UploadInfo u) {
        return u.failureKey() == null ? "" : getTranslation(u.failureKey(), u.failureArgs());
    }

    /** The state cell: en cours / indexé / échec with the reason (and whether the previous version stays). */
    private Span state(UploadInfo u) {
        Span span = new Span();
        span.setId("state-" + u.id());
        span.getElement().getThemeList().add("badge");
        switch (u.status()) {
            case PENDING -> span.setText(getTranslation("knowledge.upload.state.PENDING"));
            case INDEXED -> {
                span.setText(getTranslation("knowledge.upload.state.INDEXED"));
                span.getElement().getThemeList().add("success");
            }
            case FAILED -> {
                span.setText(getTranslation("knowledge.upload.state.FAILED", reason(u))
                        + (u.passages() > 0 ? " " + getTranslation("knowledge.upload.state.previous-kept") : ""));
                span.getElement().getThemeList().add("error");
            }
        }
        return span;
    }

    void tooLarge() {
        showError(getTranslation("knowledge.upload.error.too-large", uploads.maxMegabytes()));
    }

    private void handle(java.util.function.Supplier<String> action) {
        try {
            String message = action.get();
            uploadStatus.setText(message);
            uploadStatus.removeClassName("error");
            Notification.show(message).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (BusinessException ex) {
            showError(getTranslation(ex.messageKey(), ex.args()));
        }
        refreshList();
    }

    private void showError(String message) {
        uploadStatus.setText(message);
        uploadStatus.addClassName("error");
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private HorizontalLayout actions(UploadInfo u) {
        HorizontalLayout row = new HorizontalLayout();
        if (!u.editable()) {
            return row;
        }
        Button replace = new Button(getTranslation("knowledge.admin.replace"), e -> openReplace(u));
        replace.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replace.setId("replace-" + u.id());
        Button remove = new Button(getTranslation("knowledge.admin.remove"), e -> confirmRemove(u));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        remove.setId("remove-" + u.id());
        row.add(replace, remove);
        return row;
    }

    private void openReplace(UploadInfo u) {
        Dialog dialog = new Dialog(getTranslation("knowledge.admin.replace.title", u.title()));
        Upload replacement = new Upload();
        configure(replacement, u.id());
        replacement.addSucceededListener(e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("knowledge.admin.replace.help")), replacement);
        dialog.getFooter().add(new Button(getTranslation("knowledge.admin.cancel"), e -> dialog.close()));
        dialog.open();
    }

    void confirmRemove(UploadInfo u) {
        Dialog dialog = new Dialog(getTranslation("knowledge.admin.remove.title", u.title()));
        dialog.add(new Paragraph(getTranslation("knowledge.admin.remove.help")));
        Button confirm = new Button(getTranslation("knowledge.admin.remove"), e -> {
            dialog.close();
            handle(() -> {
                uploads.remove(u.id());
                return getTranslation("knowledge.admin.remove.done", u.title());
            });
        });
        confirm.setId("confirm-remove");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("knowledge.admin.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    void refreshList() {
        grid.setItems(uploads.list());
    }

    void startReindex() {
        try {
            admin.reindex();
            startPolling();
        } catch (BusinessException ex) {
            showError(getTranslation(ex.messageKey(), ex.args()));
        }
        refreshIndex();
    }

    private void startPolling() {
        UI ui = UI.getCurrent();
        if (ui == null || polling != null) {
            return;
        }
        ui.setPollInterval(POLL_MS);
        polling = ui.addPollListener(e -> {
            refreshIndex();
            if (!admin.status().building()) {
                stopPolling(ui);
                Notification.show(getTranslation("knowledge.admin.reindex.done")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        });
        addDetachListener(e -> stopPolling(e.getUI()));
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    void refreshIndex() {
        KnowledgeAdminService.IndexStatus s = admin.status();
        progress.setValue(Math.max(0, Math.min(1, s.building() ? s.progress() : 1)));
        progress.setVisible(s.building());
        reindex.setEnabled(!s.building());
        String last = s.lastBuild().map(b -> getTranslation("knowledge.admin.index.last", b.articles(), b.notes(), b.passages(),
                String.format(Locale.FRANCE, "%.1f", b.millis() / 1000.0), size(b.bytes()))).orElse("");
        String state = s.building() ? getTranslation("knowledge.admin.index.building", Math.round(s.progress() * 100))
                : getTranslation("knowledge.admin.index.state." + s.state().name());
        indexStatus.setText(state + (last.isEmpty() ? "" : " " + last));
    }

    boolean isPolling() {
        return polling != null;
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.FRANCE, "%d Ko", Math.max(1, bytes / 1024));
        }
        return String.format(Locale.FRANCE, "%.1f Mo", bytes / (1024.0 * 1024.0));
    }
}
