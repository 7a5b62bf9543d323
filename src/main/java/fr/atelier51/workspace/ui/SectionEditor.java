package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.LiveSection;
import fr.atelier51.workspace.service.Selection;
import fr.atelier51.workspace.service.SyncRequest;
import fr.atelier51.workspace.service.SyncResponse;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Flow wrapper of {@code <a51-section-editor>} (frontend/a51-section-editor.ts): opens a live session on one
 * section when attached (capturing the signed-in account then), answers the browser's sync messages, pushes it the
 * server's change when someone else changed the text (Vaadin push; the browser syncs instead when it cannot take
 * it), and closes the session when detached.
 */
@Tag("a51-section-editor")
@JsModule("./a51-section-editor.ts")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/commands", version = "6.11.1")
@NpmPackage(value = "@codemirror/language", version = "6.13.1")
@NpmPackage(value = "@codemirror/lang-markdown", version = "6.5.2")
@NpmPackage(value = "diff-match-patch", version = "1.0.5")
@NpmPackage(value = "@types/diff-match-patch", version = "1.0.36", dev = true)
public class SectionEditor extends Component {

    private final LetterService letters;
    private final JsonMapper json;
    private final long projectId;
    private final SectionKey key;
    private final CaretListener caretListener;
    private LetterService.EditorSession session;
    private java.util.function.Consumer<String> afterSync = text -> { };

    public SectionEditor(LetterService letters, JsonMapper json, long projectId, SectionKey key,
                         CaretListener caretListener) {
        this.letters = letters;
        this.json = json;
        this.projectId = projectId;
        this.key = key;
        this.caretListener = caretListener;
        setId("section-editor");
        addClassName("section-editor");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        session = open(ui);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String state : new String[]{"saved", "sending", "offline", "broken", "readonly"}) {
            labels.put(state, getTranslation("workspace.state." + state));
        }
        labels.put("revoked", getTranslation("workspace.revoked"));
        getElement().callJsFunction("init", session.startText(), session.readOnly(),
                projectId + ":" + key.key() + ":" + session.accountId(), json.writeValueAsString(labels),
                session.startVersion());
    }

    private LetterService.EditorSession open(UI ui) {
        return letters.open(projectId, key, new LiveSection.Listener() {
            @Override
            public void changed() {
                ui.access(() -> getElement().callJsFunction("poke"));
            }

            @Override
            public boolean takesPushes() {
                return true;
            }

            @Override
            public void pushed(SyncResponse change) {
                String message = json.writeValueAsString(change);
                ui.access(() -> {
                    getElement().callJsFunction("push", message);
                    if (session != null) {
                        afterSync.accept(session.currentText());
                    }
                });
            }

            @Override
            public void revoked() {
                ui.access(() -> getElement().callJsFunction("revoke", getTranslation("workspace.revoked")));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** One sync round trip (see LiveSection). */
    @ClientCallable
    public String sync(String request) {
        SyncRequest parsed = json.readValue(request, SyncRequest.class);
        if (session == null) {
            return json.writeValueAsString(Map.of("seq", parsed.seq(), "error", "closed"));
        }
        SyncResponse answer = session.sync(parsed);
        if (answer == null) {
            return json.writeValueAsString(Map.of("seq", parsed.seq(), "stale", true));
        }
        afterSync.accept(session.currentText());
        return json.writeValueAsString(answer);
    }

    /** A fresh session after the shadows disagreed; the browser merges its text onto this one. */
    @ClientCallable
    public String rejoin() {
        if (session != null) {
            session.close();
        }
        try {
            session = open(UI.getCurrent());
            return json.writeValueAsString(Map.of("text", session.startText(), "version", session.startVersion()));
        } catch (BusinessException e) {
            session = null;
            return json.writeValueAsString(Map.of("error", e.messageKey()));
        }
    }

    /** The local selection, in the section's text at server {@code version} (the browser maps it there). */
    @ClientCallable
    public void caret(int anchor, int head, double version) {
        caretListener.moved(anchor, head, (long) version);
    }

    /** Where this editor's person has their selection. */
    @FunctionalInterface
    public interface CaretListener {
        void moved(int anchor, int head, long version);
    }

    /** Other people's carets in this section: [{name, colour, anchor, head}]. */
    public void setPeers(String peersJson) {
        getElement().callJsFunction("setPeers", peersJson);
    }

    /** Told the section's text after each sync (own typing and others' changes both end in one). */
    public void onSynced(java.util.function.Consumer<String> listener) {
        this.afterSync = listener;
    }

    public SectionKey key() {
        return key;
    }

    /** For tests: the live session (null when detached). */
    LetterService.EditorSession session() {
        return session;
    }

    // ---- comments: the selected passage, the anchored passages, clicks on them ------------------------------

    private Selection selection;
    private Consumer<Selection> selectionListener = s -> { };
    private LongConsumer threadListener = id -> { };

    /** The browser's selection changed: {@code from} -1 when nothing is selected. */
    @ClientCallable
    public void selection(int from, int to, String quote) {
        selection = from < 0 || to <= from || quote == null || quote.isEmpty() ? null : new Selection(from, to, quote);
        selectionListener.accept(selection);
    }

    /** A highlighted passage was clicked. */
    @ClientCallable
    public void focusThread(long threadId) {
        threadListener.accept(threadId);
    }

    /** The selected passage (null when none). */
    public Selection selection() {
        return selection;
    }

    public void onSelection(Consumer<Selection> listener) {
        this.selectionListener = listener;
    }

    public void onThreadClicked(LongConsumer listener) {
        this.threadListener = listener;
    }

    /** The passages of the open threads to highlight: [{id, from, to, kind, quote}]. */
    public void setAnchors(String anchorsJson) {
        getElement().callJsFunction("setAnchors", anchorsJson);
    }
}
