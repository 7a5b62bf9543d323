package fr.atelier51.workspace;

import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.service.ChangeLog;
import fr.atelier51.workspace.service.LiveSection;
import fr.atelier51.workspace.service.SyncRequest;
import fr.atelier51.workspace.service.SyncResponse;
import fr.atelier51.workspace.service.TextOps;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests of the sync engine: random concurrent typing by several simulated editors over a network that
 * drops, repeats and reorders messages. Afterwards, with the network healthy again, every editor converges to the
 * server text, every word anyone typed (and nobody deleted) is there exactly once, nothing else is, and every
 * version the server acknowledged was persisted first, in order.
 */
class DiffSyncPropertyTest {

    /** Persists in memory; checks versions are consecutive. */
    static final class MemoryLog implements ChangeLog {
        final Map<Long, String> versions = new LinkedHashMap<>();
        long last;

        @Override
        public synchronized void record(long sectionId, long version, String text, List<Object> ops, long authorId, ChangeKind kind) {
            assertThat(version).isEqualTo(last + 1);
            String previous = versions.getOrDefault(last, "");
            assertThat(TextOps.apply(previous, ops)).isEqualTo(text);
            if (System.getProperty("diffsync.debug") != null) {
                for (String w : text.trim().split(" +")) {
                    if (!w.isEmpty() && text.split(w + " ", -1).length > 2 && previous.split(w + " ", -1).length <= 2) {
                        System.out.println("DUP v" + version + " by " + authorId + " " + w + "\n  " + previous + "\n  " + text + "\n  " + ops);
                    }
                }
            }
            versions.put(version, text);
            last = version;
        }
    }

    private static final String[] WORDS = ("patients domicile infirmière coordination parcours forfait hôpital médecin "
            + "territoire évaluation financement dérogation insuffisance cardiaque suivi équipe pharmacien association "
            + "Occitanie télésurveillance prévention sortie").split(" ");

    record Message(int client, Object payload) {
    }

    /** A change the server pushed with its notification (instead of a poke). */
    record Push(SyncResponse change) {
    }

    static final class Editor {
        final int index;
        SyncClient client;
        LiveSection.Shadow shadow;
        int counter;

        Editor(int index) {
            this.index = index;
        }
    }

    @Test
    void randomConcurrentEditingOverALossyNetworkConverges() {
        int runs = Integer.getInteger("diffsync.runs", 300);
        long baseSeed = Long.getLong("diffsync.seed", 51L);
        int totalRejoins = 0;
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long seed = baseSeed + run;
            try {
                totalRejoins += simulate(seed, false);
            } catch (AssertionError e) {
                failures.add(System.getProperty("diffsync.debug") != null ? e.getMessage() : e.getMessage().lines().findFirst().orElse("") + " …");
            }
        }
        assertThat(failures).as("%d of %d runs failed", failures.size(), runs).isEmpty();
        assertThat(totalRejoins).as("no editor should ever need a rejoin on a merely lossy network").isZero();
    }

    /** The same with the server pushing its change to the other editors over the same lossy network. */
    @Test
    void pushedChangesOverALossyNetworkConvergeToo() {
        int runs = Integer.getInteger("diffsync.runs", 300);
        long baseSeed = Long.getLong("diffsync.seed", 51L);
        int totalRejoins = 0;
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try {
                totalRejoins += simulate(baseSeed + run, true);
            } catch (AssertionError e) {
                failures.add(e.getMessage().lines().findFirst().orElse("") + " …");
            }
        }
        assertThat(failures).as("%d of %d runs failed", failures.size(), runs).isEmpty();
        assertThat(totalRejoins).as("no editor should ever need a rejoin on a merely lossy network").isZero();
    }

    /** @return rejoins needed */
    private int simulate(long seed, boolean pushes) {
        Random random = new Random(seed);
        MemoryLog log = new MemoryLog();
        LiveSection section = new LiveSection(1, "", 0, log);
        int clients = 2 + random.nextInt(4);
        double drop = random.nextDouble() * 0.3;
        double duplicate = random.nextDouble() * 0.3;
        List<Editor> editors = new ArrayList<>();
        List<Message> toServer = new ArrayList<>();
        List<Message> toClients = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Editor e = new Editor(i);
            LiveSection.Start start = section.connect(i + 1, false, !pushes ? () -> { } : new LiveSection.Listener() {
                @Override
                public void changed() {
                }

                @Override
                public boolean takesPushes() {
                    return true;
                }

                @Override
                public void pushed(SyncResponse change) {
                    send(toClients, e, new Push(change), random, drop, duplicate);
                }
            });
            e.shadow = start.shadow();
            e.client = new SyncClient(start.text());
            editors.add(e);
        }
        Set<String> typed = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        int steps = 150 + random.nextInt(250);
        for (int step = 0; step < steps; step++) {
            int action = random.nextInt(10);
            Editor e = editors.get(random.nextInt(clients));
            if (action < 4) {
                type(e, random, typed, deleted);
            } else if (action < 6) {
                // Sends when idle, or resends after an (imagined) timeout.
                if (!e.client.awaiting() || random.nextInt(4) == 0) {
                    send(toServer, e, e.client.prepare(), random, drop, duplicate);
                }
            } else if (action < 8 && !toServer.isEmpty()) {
                Message msg = toServer.remove(pick(random, toServer.size()));
                Editor target = editors.get(msg.client());
                SyncResponse r = target.shadow.sync((SyncRequest) msg.payload());
                if (r != null) {
                    send(toClients, target, r, random, drop, duplicate);
                }
            } else if (!toClients.isEmpty()) {
                Message msg = toClients.remove(pick(random, toClients.size()));
                if (msg.payload() instanceof Push push) {
                    editors.get(msg.client()).client.push(push.change());
                } else {
                    receive(section, editors.get(msg.client()), (SyncResponse) msg.payload());
                }
            }
        }
        // The network heals: old messages still in flight arrive (or not), then everyone syncs until quiet.
        for (Message msg : toServer) {
            editors.get(msg.client()).shadow.sync((SyncRequest) msg.payload());
        }
        for (int round = 0; round < 6; round++) {
            for (Editor e : editors) {
                receive(section, e, e.shadow.sync(e.client.prepare()));
            }
        }
        String server = section.text();
        int rejoins = 0;
        for (Editor e : editors) {
            assertThat(e.client.text).as("seed %d editor %d converged", seed, e.index).isEqualTo(server);
            assertThat(e.client.hasUnsent()).as("seed %d editor %d has nothing unsent", seed, e.index).isFalse();
            rejoins += e.client.rejoins;
        }
        assertThat(log.versions.getOrDefault(log.last, "")).as("seed %d: persisted = live", seed).isEqualTo(server);
        List<String> words = server.isEmpty() ? List.of() : List.of(server.trim().split(" +"));
        for (String word : typed) {
            if (!deleted.contains(word)) {
                if (!words.contains(word) && System.getProperty("diffsync.debug") != null) {
                    String prev = "";
                    for (var v : log.versions.entrySet()) {
                        boolean had = prev.contains(word + " "), has = v.getValue().contains(word + " ");
                        if (had != has) System.out.println("v" + v.getKey() + " " + word + " " + had + "->" + has + "\n  " + prev + "\n  " + v.getValue());
                        prev = v.getValue();
                    }
                }
                assertThat(words).as("seed %d: %s typed, never deleted", seed, word).containsOnlyOnce(word);
            }
        }
        assertThat(typed).as("seed %d: no garbled word in %s", seed, server).containsAll(words);
        return rejoins;
    }

    /** Types a new word between two words (or deletes a whole word it sees, sometimes). */
    private static void type(Editor e, Random random, Set<String> typed, Set<String> deleted) {
        String text = e.client.text;
        List<Integer> boundaries = new ArrayList<>();
        boundaries.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                boundaries.add(i + 1);
            }
        }
        if (random.nextInt(6) == 0 && boundaries.size() > 2) {
            int k = random.nextInt(boundaries.size() - 1);
            int from = boundaries.get(k);
            int to = boundaries.get(k + 1);
            String word = text.substring(from, to).trim();
            deleted.add(word);
            e.client.text = text.substring(0, from) + text.substring(to);
            return;
        }
        int at = boundaries.get(random.nextInt(boundaries.size()));
        String word = WORDS[random.nextInt(WORDS.length)] + e.index + "-" + (e.counter++);
        typed.add(word);
        e.client.text = text.substring(0, at) + word + " " + text.substring(at);
    }

    private static void send(List<Message> queue, Editor e, Object payload, Random random, double drop, double duplicate) {
        if (random.nextDouble() >= drop) {
            queue.add(new Message(e.index, payload));
        }
        if (random.nextDouble() < duplicate) {
            queue.add(new Message(e.index, payload));
        }
    }

    private static void receive(LiveSection section, Editor e, SyncResponse r) {
        e.client.receive(r);
        if (e.client.broken && System.getProperty("diffsync.debug") != null) {
            System.out.println("broken editor " + e.index + " " + r + " client n=" + e.client.n + " m=" + e.client.m);
        }
        if (e.client.broken) {
            e.shadow.close();
            LiveSection.Start start = section.connect(e.index + 1, false, () -> { });
            e.shadow = start.shadow();
            e.client.rejoin(start);
        }
    }

    /** Mostly in order, sometimes not. */
    private static int pick(Random random, int size) {
        return random.nextInt(3) == 0 ? random.nextInt(size) : 0;
    }
}
