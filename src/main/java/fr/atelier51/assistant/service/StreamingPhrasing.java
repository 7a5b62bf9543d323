package fr.atelier51.assistant.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Streams the model's rephrasing of an engine reply, and ends it exactly once: with the model's text when it completes
 * and keeps every legal reference, otherwise (error, silence longer than the timeout, references dropped) with the
 * engine's own reply and the fallback notice. The HTTP timeout of a streaming call only covers the first bytes, so a
 * model that stalls mid-stream is stopped here by an idle watchdog.
 */
public final class StreamingPhrasing {

    private static final Logger log = LoggerFactory.getLogger(StreamingPhrasing.class);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "assistant-stream-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** What the caller sees: the text so far after each token, then the final text once. Called on other threads. */
    public interface Listener {
        void partial(String textSoFar);

        /** @param fallback true when the engine's reply (with the notice) replaced the model's */
        void done(String finalText, boolean fallback);
    }

    private final ReplyPhraser.Request request;
    private final Duration idleTimeout;
    private final Listener listener;
    private final StringBuilder text = new StringBuilder();
    private boolean finished;
    private ScheduledFuture<?> watchdog;
    private Runnable cancel;

    private StreamingPhrasing(ReplyPhraser.Request request, Duration idleTimeout, Listener listener) {
        this.request = request;
        this.idleTimeout = idleTimeout;
        this.listener = listener;
    }

    /** Starts the stream and returns at once; the listener is told how it ends, even when it cannot start. */
    public static void start(ReplyPhraser phraser, ReplyPhraser.Request request, Duration idleTimeout, Listener listener) {
        StreamingPhrasing s = new StreamingPhrasing(request, idleTimeout, listener);
        synchronized (s) {
            s.arm();
        }
        try {
            Runnable cancel = phraser.stream(request, new ReplyPhraser.Tokens() {
                @Override
                public void token(String token) {
                    s.onToken(token);
                }

                @Override
                public void complete(String full) {
                    s.onComplete(full);
                }

                @Override
                public void error(Throwable error) {
                    s.fail("failed: " + error);
                }
            });
            boolean tooLate;
            synchronized (s) {
                s.cancel = cancel;
                tooLate = s.finished;
            }
            if (tooLate && cancel != null) {
                cancel.run(); // the watchdog fired before the stream was set up
            }
        } catch (RuntimeException e) {
            s.fail("could not start: " + e);
        }
    }

    private void arm() {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        watchdog = WATCHDOG.schedule(() -> fail("silent for " + idleTimeout), idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onToken(String token) {
        String soFar;
        synchronized (this) {
            if (finished || token == null || token.isEmpty()) {
                return;
            }
            text.append(token);
            soFar = text.toString();
            arm();
        }
        listener.partial(soFar);
    }

    private void onComplete(String full) {
        String received;
        synchronized (this) {
            if (!end()) {
                return;
            }
            received = full != null && !full.isBlank() ? full : text.toString();
        }
        Phrasing.trusted(request.engineReply(), received).ifPresentOrElse(
                t -> listener.done(t, false),
                () -> listener.done(Phrasing.withNotice(request.engineReply()), true));
    }

    private void fail(String why) {
        Runnable stop;
        synchronized (this) {
            if (!end()) {
                return;
            }
            stop = cancel;
        }
        log.warn("Assistant: streamed rephrasing {}; engine reply used", why);
        if (stop != null) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                log.debug("Assistant: cancelling the stream failed", e);
            }
        }
        listener.done(Phrasing.withNotice(request.engineReply()), true);
    }

    /** Marks the stream finished; false if it already was. Call with the lock held. */
    private boolean end() {
        if (finished) {
            return false;
        }
        finished = true;
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        return true;
    }
}
