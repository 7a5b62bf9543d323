package fr.atelier51.workspace.service;

import java.util.List;

/**
 * The server's answer to {@link SyncRequest} {@code seq}: client changes before {@code n} are acknowledged (and
 * persisted); {@code ops}, when present, is the server's change over the shadow at versions ({@code n}, {@code m})
 * and the shadow then hashes to {@code h}; {@code version} is the section's persisted version. {@code error} set
 * means the shadows cannot be reconciled and the editor must rejoin (three-way merge of its text).
 */
public record SyncResponse(long seq, long n, long m, List<Object> ops, int h, long version, String error) {

    static SyncResponse failed(long seq, String error) {
        return new SyncResponse(seq, -1, -1, null, 0, -1, error);
    }

    public boolean ok() {
        return error == null;
    }
}
