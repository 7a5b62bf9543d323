package fr.atelier51.workspace.service;

import java.util.List;

/**
 * What an editor sends: every change it made that the server has not acknowledged yet (each diffed against the
 * editor's shadow of the text at client version {@code n}, with the hash of the resulting shadow), and {@code m},
 * the last server version it received. {@code seq} grows with every message: an older or repeated message is
 * ignored, since each message repeats all unacknowledged changes anyway.
 */
public record SyncRequest(long seq, long m, List<ClientEdit> edits) {

    public SyncRequest {
        edits = edits == null ? List.of() : List.copyOf(edits);
    }

    public record ClientEdit(long n, List<Object> ops, int h) {
        public ClientEdit {
            ops = List.copyOf(ops);
        }
    }
}
